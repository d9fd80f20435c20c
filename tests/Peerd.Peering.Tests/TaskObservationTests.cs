namespace Peerd.Peering.Tests;

public class TaskObservationTests
{
    [Fact]
    public async Task AFaultIsReportedOnceAndUnwrapped()
    {
        var reported = new List<Exception>();
        var source = new TaskCompletionSource();
        source.Task.Observe(reported.Add);
        source.SetException(new InvalidOperationException("bug"));
        await Task.WhenAny(source.Task);
        Assert.IsType<InvalidOperationException>(Assert.Single(reported));
    }

    [Fact]
    public async Task SuccessAndCancellationAreNotFaults()
    {
        var reported = new List<Exception>();
        Task.CompletedTask.Observe(reported.Add);
        var cancelled = new TaskCompletionSource();
        cancelled.Task.Observe(reported.Add);
        cancelled.SetCanceled();
        await Task.WhenAny(cancelled.Task);
        Assert.Empty(reported);
    }
}
