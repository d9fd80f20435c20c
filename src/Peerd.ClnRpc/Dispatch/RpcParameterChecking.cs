namespace Peerd.ClnRpc.Dispatch;

/// <summary>Who turns binding results and value checks into an error, and when.</summary>
public enum RpcParameterChecking
{
    /// <summary>
    /// The dispatcher, before the method runs: each given value's <see cref="RpcParameter.Check"/> in request order,
    /// then the binding error, then the first missing required parameter (<see cref="RpcParameters.CheckInOrder"/>).
    /// </summary>
    ByDispatcher,

    /// <summary>
    /// The method itself, because its checks share state (e.g. <c>connect</c>'s <c>id@host:port</c> against
    /// <c>host</c> and <c>port</c>). It must walk <see cref="RpcParameters.Given"/> in order and then report
    /// <see cref="RpcParameters.Completion"/>, which is what Core Lightning's callbacks amount to.
    /// </summary>
    ByMethod,
}
