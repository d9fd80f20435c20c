using Peerd.Xrpl.Protocol.Validators;

namespace Peerd.Xrpl.Validators;

/// <summary>
/// What a node trusts to tell it the validated ledger, as rippled configures it in <c>validators.txt</c>: publisher
/// keys (<c>[validator_list_keys]</c>), the sites that serve their lists (<c>[validator_list_sites]</c>), static
/// validators (<c>[validators]</c>) and the list threshold (<c>[validator_list_threshold]</c>, 0 = rippled's default).
/// </summary>
/// <param name="PublisherKeys">Publisher master keys.</param>
/// <param name="Sites">List sites (https URLs, or file:// paths).</param>
/// <param name="StaticValidators">Validators trusted without a list.</param>
/// <param name="Threshold">The list threshold.</param>
public sealed record TrustAnchors(IReadOnlyList<ValidatorKey> PublisherKeys, IReadOnlyList<string> Sites, IReadOnlyList<ValidatorKey> StaticValidators, int Threshold)
{
    /// <summary>Nothing trusted: no ledger is ever validated.</summary>
    public static TrustAnchors None { get; } = new([], [], [], 0);

    /// <summary>
    /// The XRP Ledger mainnet's publishers as rippled's <c>validators-example.txt</c> names them: vl.ripple.com and
    /// unl.xrplf.org.
    /// </summary>
    public static TrustAnchors Mainnet { get; } = new(
        [
            ValidatorKey.TryParse("ED2677ABFFD1B33AC6FBC3062B71F1E8397C1505E1C42C64D11AD1B28FF73F4734")!,
            ValidatorKey.TryParse("ED42AEC58B701EEBB77356FFFEC26F83C1F0407263530F068C7C73D392C7E06FD1")!,
        ],
        ["https://vl.ripple.com", "https://unl.xrplf.org"],
        [],
        0);

    /// <summary>True when nothing is configured.</summary>
    public bool IsEmpty => PublisherKeys.Count == 0 && StaticValidators.Count == 0;
}
