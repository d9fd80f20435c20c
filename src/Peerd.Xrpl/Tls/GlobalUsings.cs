// TlsFinishedMessages moved to Peerd.Crypto (packaged with the protocol libraries, so their users can compute the
// XRPL handshake's shared value); the overlay and the self-check use it from there.
global using Peerd.Crypto.Tls;
