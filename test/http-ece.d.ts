// http_ece (web-push's encryption, used by lib/push/push.db.test.ts to read a push as the browser would) has no types.
declare module 'http_ece' {
  const ece: { decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: import('node:crypto').ECDH; authSecret: string }): Buffer };
  export default ece;
}
