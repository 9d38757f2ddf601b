// Outside Next, `next/navigation` resolves to its client build, which needs React's client API.
// The benchmark runs the server's query functions directly, so give them the server build, as
// Next itself does for server components. Next has no public path to that build;
// tests/unit/next-internals.test.ts fails if it moves.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'next/navigation') {
    return nextResolve('next/dist/api/navigation.react-server.js', context);
  }
  return nextResolve(specifier, context);
}
