// These tests check Unix file modes and Unix sockets: they run where the daemon runs, on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
