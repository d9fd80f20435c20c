namespace Peerd.Xrpl.Protocol.Validators;

/// <summary>A ledger that a quorum of trusted validators fully validated.</summary>
/// <param name="Sequence">Its sequence.</param>
/// <param name="Hash">Its hash (32 bytes).</param>
/// <param name="CloseTime">Its close time in seconds since the XRPL epoch, when the validations carried one.</param>
/// <param name="Validations">How many trusted full validations it had when it was accepted.</param>
/// <param name="SignTime">The newest signing time among them (seconds since the XRPL epoch).</param>
public sealed record ValidatedLedger(uint Sequence, byte[] Hash, uint? CloseTime, int Validations, uint SignTime)
{
    /// <summary>The hash in upper-case hex, as rippled prints ledger hashes.</summary>
    public string HashHex => Convert.ToHexString(Hash);
}
