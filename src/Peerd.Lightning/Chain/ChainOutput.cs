namespace Peerd.Lightning.Chain;

/// <summary>An unspent transaction output as the chain source reports it.</summary>
/// <param name="ScriptPubKey">The output script.</param>
/// <param name="Satoshis">The output's value.</param>
public sealed record ChainOutput(byte[] ScriptPubKey, long Satoshis);
