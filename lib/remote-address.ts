// Shared by Accord's own HTTP servers (scripts/) and the app (server/auth/client-ip.ts).

/** The request header Accord's servers overwrite with the connection's peer address. */
export const remoteAddressHeader = 'x-accord-remote-address';

/**
 * Set in the environment of a process whose server writes `remoteAddressHeader` on every
 * request. Without it (plain `next start`, say) the header came from the client and means nothing.
 */
export const remoteAddressStampedEnv = '__ACCORD_PRIVATE_REMOTE_ADDRESS_STAMPED';
