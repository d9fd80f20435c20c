using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Peerd.Crypto.Tests")]
