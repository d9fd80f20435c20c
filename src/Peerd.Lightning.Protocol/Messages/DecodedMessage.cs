namespace Peerd.Lightning.Protocol.Messages;

/// <summary>The result of <see cref="LightningMessageDecoder.Decode"/>.</summary>
public readonly struct DecodedMessage
{
    internal DecodedMessage(DecodeOutcome outcome, ushort type, ILightningMessage? message, DecodeFailure? failure)
    {
        Outcome = outcome;
        Type = type;
        Message = message;
        Failure = failure;
    }

    /// <summary>What was found.</summary>
    public DecodeOutcome Outcome { get; }

    /// <summary>The raw message type (0 when the message was shorter than its type).</summary>
    public ushort Type { get; }

    /// <summary>The decoded message when <see cref="Outcome"/> is <see cref="DecodeOutcome.Decoded"/>.</summary>
    public ILightningMessage? Message { get; }

    /// <summary>Why the message is malformed, when <see cref="Outcome"/> is <see cref="DecodeOutcome.Malformed"/>.</summary>
    public DecodeFailure? Failure { get; }

    /// <summary>True when BOLT #1 says to close the connection (unknown even type or malformed known message).</summary>
    public bool ShouldClose => Outcome is DecodeOutcome.UnknownEven or DecodeOutcome.Malformed;

    /// <summary>A precise reason for logs and for a closing warning; null when nothing is wrong.</summary>
    public string? Reason => Outcome switch
    {
        DecodeOutcome.UnknownEven => $"unknown even message type {Type}",
        DecodeOutcome.Malformed => Failure?.Reason,
        _ => null,
    };

    /// <summary>A log line.</summary>
    public override string ToString() => Reason ?? $"{Outcome} {MessageNames.Of(Type)}";
}
