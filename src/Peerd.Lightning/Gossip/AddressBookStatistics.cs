namespace Peerd.Lightning.Gossip;

/// <summary>A snapshot of the address book's size.</summary>
/// <param name="Nodes">Nodes known.</param>
/// <param name="Announced">Nodes with a verified announcement.</param>
/// <param name="FileBytes">The log's length on disk.</param>
/// <param name="LiveBytes">Bytes of the log that still matter (compaction would leave the header plus these).</param>
/// <param name="Persisting">False after a write error: the book then keeps working in memory only.</param>
public readonly record struct AddressBookStatistics(int Nodes, int Announced, long FileBytes, long LiveBytes, bool Persisting);
