namespace Peerd.Lightning.Protocol.Addresses;

/// <summary>The outcome of reading one address descriptor (Core Lightning's <c>fromwireaddr_ret</c>).</summary>
public enum WireAddressReadStatus
{
    /// <summary>A usable descriptor.</summary>
    Ok,

    /// <summary>A well-formed descriptor with port 0: "SHOULD ignore" it and go on to the next.</summary>
    PortZero,

    /// <summary>
    /// A type not defined in BOLT #7: "SHOULD ignore the first <c>address descriptor</c> that does NOT match the types
    /// defined above" — its length is unknown, so reading must stop here.
    /// </summary>
    UnknownType,

    /// <summary>The input ends inside a descriptor of a known type.</summary>
    Truncated,
}
