// Outside Next, `next/navigation` resolves to its client build, which needs React's client API.
// The benchmark runs the server's query functions directly, so give them the server build, as
// Next itself does for server components.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'next/navigation') {
    return nextResolve('next/dist/api/navigation.react-server.js', context);
  }
  return nextResolve(specifier, context);
}
