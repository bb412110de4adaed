using MissionControl.Grains.Security;

namespace MissionControl.Grains.Tests.Security;

public class AgentTokensTests
{
    private const string UpstreamToken = "mc-upstream-token-3f9a_Zx-Q";

    // Produced by the upstream hashing scheme (PBKDF2-HMAC-SHA256, unpadded base64url) with
    // fixed salts, so these pin compatibility with hashes already stored upstream.
    private const string UpstreamHash200k = "pbkdf2_sha256$200000$AAECAwQFBgcICQoLDA0ODw$GnIc6PJIfsKdt46wG7ItT7PeAYI5OF1XqNMq-sLHZso";
    private const string UpstreamHashUrlSafeSalt = "pbkdf2_sha256$1000$-__-BwcHBwcHBwcHBwcHBw$QeQVm3Cx8dB-aBiKjEGG2RiIG3FpR9uLKYb9MIMg_IY";

    [Fact]
    public void Given_upstream_hash_When_verified_with_its_token_Then_true()
    {
        Assert.True(AgentTokens.Verify(UpstreamToken, UpstreamHash200k));
    }

    [Fact]
    public void Given_upstream_hash_with_url_safe_salt_characters_When_verified_Then_true()
    {
        Assert.True(AgentTokens.Verify(UpstreamToken, UpstreamHashUrlSafeSalt));
    }

    [Fact]
    public void Given_upstream_hash_When_verified_with_wrong_token_Then_false()
    {
        Assert.False(AgentTokens.Verify(UpstreamToken + "x", UpstreamHashUrlSafeSalt));
    }

    [Fact]
    public void Given_upstream_salt_When_hashed_here_Then_identical_to_upstream_hash()
    {
        var salt = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();

        Assert.Equal(UpstreamHash200k, AgentTokens.Hash(UpstreamToken, salt, 200_000));
    }

    [Fact]
    public void Given_new_token_When_hashed_with_defaults_Then_upstream_format_with_200000_iterations()
    {
        var hash = AgentTokens.Hash("token");

        var parts = hash.Split('$');
        Assert.Equal(["pbkdf2_sha256", "200000"], parts[..2]);
        Assert.Equal(22, parts[2].Length);
        Assert.Equal(43, parts[3].Length);
        Assert.DoesNotContain('=', hash);
    }

    [Fact]
    public void Given_same_token_When_hashed_twice_Then_salts_differ_and_both_verify()
    {
        var first = AgentTokens.Hash("token", 1000);
        var second = AgentTokens.Hash("token", 1000);

        Assert.NotEqual(first, second);
        Assert.True(AgentTokens.Verify("token", first));
        Assert.True(AgentTokens.Verify("token", second));
    }

    [Fact]
    public void Given_minted_token_When_inspected_Then_url_safe_43_characters_and_unique()
    {
        var token = AgentTokens.Mint();

        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.NotEqual(token, AgentTokens.Mint());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pbkdf2_sha256$1000$salt")]
    [InlineData("bcrypt$1000$AAECAwQFBgcICQoLDA0ODw$GnIc6PJIfsKdt46wG7ItT7PeAYI5OF1XqNMq-sLHZso")]
    [InlineData("pbkdf2_sha256$abc$AAECAwQFBgcICQoLDA0ODw$GnIc6PJIfsKdt46wG7ItT7PeAYI5OF1XqNMq-sLHZso")]
    [InlineData("pbkdf2_sha256$999999999$AAECAwQFBgcICQoLDA0ODw$GnIc6PJIfsKdt46wG7ItT7PeAYI5OF1XqNMq-sLHZso")]
    [InlineData("pbkdf2_sha256$1000$not*base64$GnIc6PJIfsKdt46wG7ItT7PeAYI5OF1XqNMq-sLHZso")]
    public void Given_malformed_hash_When_verified_Then_false_without_throwing(string? stored)
    {
        Assert.False(AgentTokens.Verify(UpstreamToken, stored));
        Assert.False(AgentTokens.IsWellFormedHash(stored));
    }

    [Fact]
    public void Given_invite_token_When_hashed_Then_stable_hex_digest()
    {
        Assert.Equal(InviteTokens.Hash("abc"), InviteTokens.Hash("abc"));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", InviteTokens.Hash("abc"));
    }
}
