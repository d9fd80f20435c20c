using System.Net.Sockets;
using Peerd.Lightning.Transport;
using Peerd.Peering.Admission;

namespace Peerd.Lightning.Peers.Policies;

/// <summary>
/// A dial that meets <c>EMFILE</c>/<c>ENFILE</c> sheds (sparing itself) and tries once more, as Core Lightning's
/// <c>try_connect_one_addr</c> does; a second refusal fails with Core Lightning's text.
/// </summary>
internal static class ExhaustionRetry
{
    /// <summary>The reason Core Lightning gives an attempt closed to free descriptors (errno EMFILE).</summary>
    public const string TooManyConnections = "Terminated due to too many connections";

    public static async Task<DialResult> DialAsync(IPeerDialer dialer, PeerEndpoint address, TimeSpan timeout, PendingConnections.Pending pending, ConnectionAdmission admission)
    {
        try
        {
            return await dialer.DialAsync(address, timeout, pending.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (DescriptorBudget.IsExhaustion(e))
        {
            admission.OnDescriptorFailure(e, SocketErrors.Describe(e is ConnectFailedException { InnerException: { } inner } ? inner : e), except: pending);
            try
            {
                return await dialer.DialAsync(address, timeout, pending.Token).ConfigureAwait(false);
            }
            catch (SocketException again) when (DescriptorBudget.IsExhaustion(again))
            {
                throw new ConnectFailedException(ConnectStage.Establishment, TooManyConnections, again);
            }
        }
    }
}
