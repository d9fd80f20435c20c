using System.Runtime.CompilerServices;

// The overlay's seams (admission, message hook, attempt records) are tested in memory and against a real node.
[assembly: InternalsVisibleTo("Peerd.Xrpl.Tests")]
