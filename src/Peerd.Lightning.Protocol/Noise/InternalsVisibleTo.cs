using System.Runtime.CompilerServices;

// The vector tests check intermediate Noise state (h, ck, rotated keys); the benchmarks time NoiseHkdf alone.
[assembly: InternalsVisibleTo("Peerd.Lightning.Protocol.Tests")]
[assembly: InternalsVisibleTo("Peerd.Benchmarks")]
