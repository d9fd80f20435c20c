// TlsFinishedMessages lives in Peerd.Crypto (see src/Peerd.Xrpl/Tls/GlobalUsings.cs); its tests stay here because
// they handshake with the XRPL node's own TLS settings (XrplTls).
global using Peerd.Crypto.Tls;
