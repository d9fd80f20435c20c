namespace Peerd.Lightning.Chain;

/// <summary>A bitcoind call that failed: no answer (<see cref="RpcCode"/> null), or bitcoind's JSON-RPC error.</summary>
public sealed class BitcoindException : Exception
{
    /// <summary>Creates one with no RPC code.</summary>
    public BitcoindException()
    {
    }

    /// <summary>Creates one for a call that got no usable answer.</summary>
    public BitcoindException(string message)
        : base(message)
    {
    }

    /// <summary>Creates one for a call that got no usable answer, with its cause.</summary>
    public BitcoindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates one for bitcoind's JSON-RPC error.</summary>
    public BitcoindException(string message, int rpcCode)
        : base(message)
    {
        RpcCode = rpcCode;
    }

    /// <summary>bitcoind's error code (-8: invalid parameter, -5: not found, -28: warming up), or null when it did not answer.</summary>
    public int? RpcCode { get; }
}
