namespace Peerd.Fuzz;

/// <summary>
/// One decoder of remote bytes under coverage-guided fuzzing: its name on the command line and in
/// <c>fuzz/corpus/NAME</c>, valid inputs to start from, and the call that feeds it one input. The call returns
/// normally for every input — decoded or refused with the decoder's typed error; an exception escaping it (including
/// <see cref="FuzzInvariantException"/> for a broken contract) is a crash.
/// </summary>
/// <param name="Name">The target's name, e.g. <c>lightning-messages</c>.</param>
/// <param name="Describe">One line on what an input is.</param>
/// <param name="Seeds">Valid inputs the first corpus is made from.</param>
/// <param name="Run">Feeds one input through the decoder.</param>
public sealed record FuzzTarget(string Name, string Describe, Func<IEnumerable<byte[]>> Seeds, Action<byte[]> Run);
