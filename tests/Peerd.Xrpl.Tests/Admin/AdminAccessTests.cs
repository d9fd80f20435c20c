using System.Net;
using System.Text.Json.Nodes;
using Peerd.Xrpl.Tests.Support;

namespace Peerd.Xrpl.Tests.Admin;

public class AdminAccessTests
{
    [Fact]
    public async Task WithCredentialsConfiguredACallerWithoutThemIsNotAdmin()
    {
        await using var node = await TestNode.StartAsync(o => o with { AdminUser = "op", AdminPassword = "s3cret" });

        var (status, body) = await node.PostAsync("""{"method":"connect","params":[{"ip":"127.0.0.1"}]}""");
        Assert.Equal(403, status);
        Assert.Equal("Forbidden\r\n", body);
        (status, body) = await node.PostAsync("""{"method":"peers","params":[{"admin_user":"op","admin_password":"wrong"}]}""");
        Assert.Equal(403, status);

        (status, body) = await node.PostAsync("""{"method":"peers","params":[{"admin_user":"op","admin_password":"s3cret"}]}""");
        Assert.Equal(200, status);
        Assert.Contains("\"peers\":null", body, StringComparison.Ordinal);

        // A guest may still ping, without the admin role.
        (_, body) = await node.PostAsync("""{"method":"ping","params":[{}]}""");
        Assert.Equal("{\"result\":{\"status\":\"success\"}}", body.TrimEnd());

        using var socket = await node.OpenWebSocketAsync();
        Assert.Equal(
            """{"error":"forbidden","error_code":3,"error_message":"Bad credentials.","id":1,"request":{"command":"connect","id":1,"ip":"127.0.0.1"},"status":"error","type":"response"}""",
            await socket.SendAsync("""{"id":1,"command":"connect","ip":"127.0.0.1"}"""));
        var ok = JsonNode.Parse(await socket.SendAsync("""{"id":2,"command":"peers","admin_user":"op","admin_password":"s3cret"}"""))!;
        Assert.Equal("success", (string?)ok["status"]);
        var masked = JsonNode.Parse(await socket.SendAsync("""{"id":3,"command":"nope","admin_user":"op","admin_password":"s3cret"}"""))!;
        Assert.Equal("<masked>", (string?)masked["request"]!["admin_password"]);
    }

    [Fact]
    public async Task AnAddressOutsideTheAllowListIsNotAdmin()
    {
        await using var node = await TestNode.StartAsync(o => o with { AdminAllow = [IPNetwork.Parse("10.0.0.0/8")] });
        var (status, body) = await node.PostAsync("""{"method":"stop","params":[{}]}""");
        Assert.Equal(403, status);
        Assert.Equal("Forbidden\r\n", body);
        Assert.Equal("{\"result\":{\"status\":\"success\"}}", (await node.PostAsync("""{"method":"ping"}""")).Body.TrimEnd());
        using var socket = await node.OpenWebSocketAsync();
        Assert.Equal("""{"result":{},"status":"success","type":"response"}""", await socket.SendAsync("""{"command":"ping"}"""));
        Assert.False(node.Node.StopRequestedToken.IsCancellationRequested);
    }
}
