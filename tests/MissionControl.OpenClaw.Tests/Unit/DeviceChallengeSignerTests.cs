using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MissionControl.OpenClaw.Identity;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace MissionControl.OpenClaw.Tests.Unit;

public class DeviceChallengeSignerTests
{
    private static readonly DeviceChallengeContext Context = new(
        "gateway-client", "backend", "operator", ["operator.admin", "operator.read", "operator.write"], "tok", " Linux ", null);

    [Fact]
    public void Payload_is_the_v3_pipe_separated_text()
    {
        var payload = DeviceChallengeSigner.BuildPayload("dev1", Context, 1795268507625, "nonce-1");

        Assert.Equal("v3|dev1|gateway-client|backend|operator|operator.admin,operator.read,operator.write|1795268507625|tok|nonce-1|linux|", payload);
    }

    [Fact]
    public void Device_id_is_hex_sha256_of_the_raw_public_key_and_keys_are_base64url()
    {
        var identity = DeviceIdentity.Generate();

        var proof = DeviceChallengeSigner.Sign(identity, Context, 42, "n");

        var rawPublicKey = Base64Url.DecodeFromChars(proof.PublicKey);
        Assert.Equal(32, rawPublicKey.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(rawPublicKey)), proof.Id);
        Assert.DoesNotContain('=', proof.Signature);
        Assert.DoesNotContain('+', proof.PublicKey + proof.Signature);
        Assert.Equal(42, proof.SignedAt);
        Assert.Equal("n", proof.Nonce);
    }

    [Fact]
    public void Signature_verifies_against_the_payload_and_not_another()
    {
        var identity = DeviceIdentity.Generate();
        var proof = DeviceChallengeSigner.Sign(identity, Context, 7, "abc");

        Assert.True(Verify(proof.PublicKey, DeviceChallengeSigner.BuildPayload(proof.Id, Context, 7, "abc"), proof.Signature));
        Assert.False(Verify(proof.PublicKey, DeviceChallengeSigner.BuildPayload(proof.Id, Context, 7, "abd"), proof.Signature));
    }

    [Fact]
    public async Task In_memory_store_returns_the_same_identity_per_gateway()
    {
        var store = new InMemoryDeviceIdentityStore();

        var first = await store.GetOrCreateAsync("gw-1", CancellationToken.None);
        var again = await store.GetOrCreateAsync("gw-1", CancellationToken.None);
        var other = await store.GetOrCreateAsync("gw-2", CancellationToken.None);

        Assert.Equal(first, again);
        Assert.NotEqual(first.PublicKey, other.PublicKey);
    }

    private static bool Verify(string publicKey, string payload, string signature)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(Base64Url.DecodeFromChars(publicKey), 0));
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(Base64Url.DecodeFromChars(signature));
    }
}
