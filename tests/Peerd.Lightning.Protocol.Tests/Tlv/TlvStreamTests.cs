using Peerd.Lightning.Protocol.Tlv;

namespace Peerd.Lightning.Protocol.Tests.Tlv;

public class TlvStreamTests
{
    [Fact]
    public void EveryErrorHasADescription()
    {
        foreach (var error in Enum.GetValues<TlvError>())
        {
            Assert.NotEqual(error.ToString(), TlvStream.Describe(error));
        }
    }
}
