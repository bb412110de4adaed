using MissionControl.ReadModels.History;

namespace MissionControl.Api.Tests.History;

public sealed class HistoryRedactionTests
{
    [Fact]
    public void Given_secrets_at_any_depth_When_an_event_is_redacted_Then_they_are_gone_and_every_other_field_is_kept_in_snake_case()
    {
        var redacted = StreamHistory.Redact("""
            {"agentId": "a1", "tokenHash": "pbkdf2_sha256$1$s$d", "sessionKey": "agent:x:main",
             "steps": [{"name": "connect", "token": "gw-secret"}], "config": {"keyHash": "k", "every": "10m"}}
            """);

        Assert.Equal(
            """{"agent_id":"a1","session_key":"agent:x:main","steps":[{"name":"connect"}],"config":{"every":"10m"}}""",
            redacted.ToJsonString());
    }
}
