namespace Peerd.Xrpl.Protocol.Messages;

/// <summary>
/// The 16-bit message type in a frame header, with rippled's numbers (<c>enum MessageType</c> in
/// <c>ripple.proto</c>). A value outside this list is a valid frame of an unknown type, which peers ignore.
/// </summary>
public enum XrplMessageType : ushort
{
    /// <summary>mtMANIFESTS: validator manifests (sent by rippled after the handshake).</summary>
    Manifests = 2,

    /// <summary>mtPING: <see cref="TMPing"/>, ping or pong.</summary>
    Ping = 3,

    /// <summary>mtCLUSTER: cluster status.</summary>
    Cluster = 5,

    /// <summary>mtENDPOINTS: <see cref="TMEndpoints"/>, peer addresses.</summary>
    Endpoints = 15,

    /// <summary>mtTRANSACTION.</summary>
    Transaction = 30,

    /// <summary>mtGET_LEDGER.</summary>
    GetLedger = 31,

    /// <summary>mtLEDGER_DATA.</summary>
    LedgerData = 32,

    /// <summary>mtPROPOSE_LEDGER.</summary>
    ProposeLedger = 33,

    /// <summary>mtSTATUS_CHANGE: <see cref="TMStatusChange"/>.</summary>
    StatusChange = 34,

    /// <summary>mtHAVE_SET.</summary>
    HaveSet = 35,

    /// <summary>mtVALIDATION.</summary>
    Validation = 41,

    /// <summary>mtGET_OBJECTS.</summary>
    GetObjects = 42,

    /// <summary>mtVALIDATORLIST.</summary>
    ValidatorList = 54,

    /// <summary>mtSQUELCH.</summary>
    Squelch = 55,

    /// <summary>mtVALIDATORLISTCOLLECTION.</summary>
    ValidatorListCollection = 56,

    /// <summary>mtPROOF_PATH_REQ.</summary>
    ProofPathRequest = 57,

    /// <summary>mtPROOF_PATH_RESPONSE.</summary>
    ProofPathResponse = 58,

    /// <summary>mtREPLAY_DELTA_REQ.</summary>
    ReplayDeltaRequest = 59,

    /// <summary>mtREPLAY_DELTA_RESPONSE.</summary>
    ReplayDeltaResponse = 60,

    /// <summary>mtHAVE_TRANSACTIONS.</summary>
    HaveTransactions = 63,

    /// <summary>mtTRANSACTIONS.</summary>
    Transactions = 64,
}
