namespace Peerd.ClnRpc.Framing;

/// <summary>Outcome of <c>JsonRpcStreamReader.TryRead</c>.</summary>
public enum JsonRpcReadStatus
{
    /// <summary>One complete top-level JSON value was found.</summary>
    Complete,

    /// <summary>The buffer holds no complete value yet (possibly only whitespace or a prefix of one).</summary>
    NeedMoreData,

    /// <summary>The bytes are not JSON. The stream cannot be resynchronised: answer and close.</summary>
    Malformed,

    /// <summary>The value being read exceeds the reader's size bound. Answer and close.</summary>
    TooLarge,
}
