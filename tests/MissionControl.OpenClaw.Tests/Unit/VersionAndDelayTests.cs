using System.Text.Json;
using MissionControl.OpenClaw.Protocol;
using MissionControl.OpenClaw.Resilience;

namespace MissionControl.OpenClaw.Tests.Unit;

public class VersionAndDelayTests
{
    [Theory]
    [InlineData("2026.9.6", "2026.2.9", 1)]
    [InlineData("2026.02.9", "2026.2.9", 0)]
    [InlineData("v2026.2.9-2", "2026.2.9", 1)]
    [InlineData("2026.1.31", "2026.2.9", -1)]
    [InlineData("2025.12.31", "2026.1.1", -1)]
    public void CalVer_versions_compare_by_date_then_revision(string left, string right, int sign) =>
        Assert.Equal(sign, Math.Sign(GatewayVersion.Parse(left).CompareTo(GatewayVersion.Parse(right))));

    [Theory]
    [InlineData("dev")]
    [InlineData("2026.9")]
    [InlineData(null)]
    public void Non_calver_text_does_not_parse(string? text) => Assert.False(GatewayVersion.TryParse(text, out _));

    [Theory]
    [InlineData(45, "45 seconds")]
    [InlineData(119, "119 seconds")]
    [InlineData(600, "10 minutes")]
    public void Budgets_are_described_like_the_spec(int seconds, string text) =>
        Assert.Equal(text, RetryBudget.DescribeBudget(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Hello_ok_is_read_leniently()
    {
        using var hello = JsonDocument.Parse("""
            {"type":"hello-ok","protocol":4,"server":{"version":"2026.9.6","buildId":"x"},"unknownTopLevel":{"a":1},
             "snapshot":{"sessionDefaults":{"defaultAgentId":"main"}},"auth":{"scopes":["operator.admin"]},"policy":{"tickIntervalMs":30000}}
            """);

        var info = GatewayServerInfo.Parse(hello.RootElement);

        Assert.Equal(new GatewayServerInfo(4, "2026.9.6", TimeSpan.FromSeconds(30), info.GrantedScopes, "main"), info);
        Assert.Equal(["operator.admin"], info.GrantedScopes);
    }
}
