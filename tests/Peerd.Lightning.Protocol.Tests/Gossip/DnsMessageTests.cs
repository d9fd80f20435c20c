using System.Net;
using Peerd.Lightning.Protocol.Gossip;

namespace Peerd.Lightning.Protocol.Tests.Gossip;

public class DnsMessageTests
{
    [Fact]
    public void AQueryHasOneQuestionWithRecursionDesired()
    {
        var query = DnsMessage.Query(0x1234, "a.example", DnsMessage.TypeSrv);
        Assert.Equal("123401000001000000000000" + "0161076578616d706c6500" + "00210001", Convert.ToHexStringLower(query));
    }

    [Fact]
    public void AnswersAreReadThroughNameCompression()
    {
        var query = DnsMessage.Query(7, "a.example", DnsMessage.TypeA);
        var response = new List<byte>(query);
        response[2] = 0x81;
        response[3] = 0x80;
        response[7] = 2; // two answers
        response.AddRange([0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 9]);
        response.AddRange([0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 60, 0, 8, 0, 0, 0, 0, 0x26, 0x07, 0xC0, 12]);
        var (addresses, services) = DnsMessage.ReadAnswers(response.ToArray(), 7);
        Assert.Equal([IPAddress.Parse("127.0.0.9")], addresses);
        Assert.Equal([("a.example", (ushort)9735)], services);
    }

    [Theory]
    [InlineData(8)] // another query's id
    public void AnotherIdOrAnErrorOrGarbageReadsAsNoAnswers(ushort id)
    {
        var response = DnsMessage.Query(7, "a.example", DnsMessage.TypeA);
        response[2] = 0x81;
        Assert.Empty(DnsMessage.ReadAnswers(response, id).Addresses);
        response[3] = 0x83; // NXDOMAIN
        Assert.Empty(DnsMessage.ReadAnswers(response, 7).Addresses);
        Assert.Empty(DnsMessage.ReadAnswers([1, 2, 3], 7).Addresses);
    }
}
