namespace Peerd.Lightning.Protocol.Framing;

/// <summary>Why <see cref="Bolt8FrameReader"/> rejected the stream; either way the connection must be closed.</summary>
public enum FrameError
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The 18-byte encrypted length prefix failed its MAC.</summary>
    BadLengthMac,

    /// <summary>The message body failed its MAC.</summary>
    BadMessageMac,
}
