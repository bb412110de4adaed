using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Organizations;

/// <summary>
/// Every mutating organization route fed malformed JSON, wrong types, missing fields, 1 MB
/// strings, oversized bodies, unknown ids and path-traversal-like ids: each answer is a 4xx,
/// never a 5xx, and nothing persisted changes (grains and read models alike).
/// </summary>
public sealed class OrganizationBadInputTests(World world) : IClassFixture<World>
{
    private const string Me = "/api/v1/organizations/me";
    private static readonly string OneMegabyte = new('x', 1_000_000);
    private static readonly string TwoMegabytes = new('x', 2_000_000);

    /// <summary>A request as sent: method, path and raw body (null for none).</summary>
    public sealed record BadRequest(string Method, string Path, string? Body, string ContentType = "application/json");

    // Bodies that no route accepts, whatever its fields.
    private static IEnumerable<string?> Malformed() =>
    [
        null, "", "{", "{\"a\": ", "[]", "null", "42", "\"text\"", "{\"a\": 1,}", "\u0000", $"{{\"x\": \"{TwoMegabytes}\"}}",
    ];

    private static IEnumerable<BadRequest> Bodies(string method, string path, IEnumerable<string?> fieldCases) =>
        Malformed().Concat(fieldCases).Select(body => new BadRequest(method, path, body))
            .Append(new BadRequest(method, path, "name=x", "text/plain"));

    private static string Big(string field) => $"{{\"{field}\": \"{OneMegabyte}\"}}";

    private static string[] Ids(string prefix, string suffix = "") =>
    [
        $"{prefix}/{Guid.NewGuid()}{suffix}",
        $"{prefix}/not-a-guid{suffix}",
        $"{prefix}/..%2F..%2Fetc%2Fpasswd{suffix}",
        // Not a bare "%2e%2e": the client itself would resolve that to the parent path before sending.
        $"{prefix}/%252e%252e%252f{suffix}",
        $"{prefix}/{new string('9', 8000)}{suffix}",
    ];

    public static TheoryData<string> Routes() =>
    [
        "create-organization", "set-active", "patch-member", "set-access", "remove-member",
        "create-invite", "revoke-invite", "accept-invite",
    ];

    private static IEnumerable<BadRequest> RequestsFor(string route, OrganizationScene scene) => route switch
    {
        "create-organization" => Bodies("POST", "/api/v1/organizations",
        [
            "{}", "{\"name\": 42}", "{\"name\": null}", "{\"name\": [\"a\"]}", "{\"name\": {\"a\": 1}}", "{\"name\": true}",
            "{\"name\": \"   \"}", Big("name"), "{\"nom\": \"Acme\"}",
        ]),
        "set-active" => Bodies("PATCH", $"{Me}/active",
        [
            "{}", "{\"organization_id\": 42}", "{\"organization_id\": null}", "{\"organization_id\": \"not-a-guid\"}",
            "{\"organization_id\": \"../../etc/passwd\"}", Big("organization_id"), $"{{\"organization_id\": \"{Guid.NewGuid()}\"}}",
        ]),
        "patch-member" => Bodies("PATCH", $"{Me}/members/{scene.Target.Id}",
        [
            "{\"role\": 42}", "{\"role\": [\"admin\"]}", "{\"role\": {\"a\": 1}}", "{\"role\": \"root\"}", Big("role"),
            "{\"role\": \"../../admin\"}",
        ]).Concat(Ids($"{Me}/members").Select(path => new BadRequest("PATCH", path, "{\"role\": \"admin\"}"))),
        "set-access" => Bodies("PUT", $"{Me}/members/{scene.Target.Id}/access",
        [
            "{\"all_boards_read\": \"yes\"}", "{\"all_boards_write\": 1}", "{\"board_access\": \"all\"}",
            "{\"board_access\": [{\"board_id\": \"not-a-guid\"}]}", "{\"board_access\": [{\"board_id\": 42}]}",
            "{\"board_access\": [{}]}", "{\"board_access\": [{\"board_id\": null}]}",
            $"{{\"board_access\": [{{\"board_id\": \"{Guid.NewGuid()}\"}}]}}",
            $"{{\"board_access\": [{{\"board_id\": \"{Guid.NewGuid()}\", \"can_read\": \"{OneMegabyte}\"}}]}}",
            "{\"board_access\": [" + string.Join(",", Enumerable.Range(0, 600).Select(_ => $"{{\"board_id\": \"{Guid.NewGuid()}\"}}")) + "]}",
            Big("board_access"),
        ]).Concat(Ids($"{Me}/members", "/access").Select(path => new BadRequest("PUT", path, "{\"all_boards_read\": true}"))),
        "remove-member" => Ids($"{Me}/members").Select(path => new BadRequest("DELETE", path, null)),
        "create-invite" => Bodies("POST", $"{Me}/invites",
        [
            "{}", "{\"invited_email\": 42}", "{\"invited_email\": null}", "{\"invited_email\": \"  \"}", Big("invited_email"),
            "{\"invited_email\": \"a@b.test\", \"role\": 7}", "{\"invited_email\": \"a@b.test\", \"role\": \"god\"}",
            $"{{\"invited_email\": \"a@b.test\", \"role\": \"{OneMegabyte}\"}}",
            "{\"invited_email\": \"a@b.test\", \"all_boards_read\": \"yes\"}",
            "{\"invited_email\": \"a@b.test\", \"board_access\": [{\"board_id\": \"x\"}]}",
            $"{{\"invited_email\": \"a@b.test\", \"board_access\": [{{\"board_id\": \"{Guid.NewGuid()}\"}}]}}",
            $"{{\"invited_email\": \"{scene.Member.Email}\"}}",
        ]),
        "revoke-invite" => Ids($"{Me}/invites").Select(path => new BadRequest("DELETE", path, null)),
        "accept-invite" => Bodies("POST", "/api/v1/organizations/invites/accept",
        [
            "{}", "{\"token\": 42}", "{\"token\": null}", "{\"token\": [\"a\"]}", "{\"token\": \"\"}", Big("token"),
            "{\"token\": \"../../etc/passwd\"}", $"{{\"token\": \"{scene.InviteToken}x\"}}",
            $"{{\"token\": \"{scene.InviteToken.ToUpperInvariant()}\"}}",
        ]),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Bad_input_to_each_mutating_route_is_a_4xx_and_changes_nothing(string route)
    {
        var scene = await OrganizationScene.CreateAsync(world);
        // The owner may do everything, so a refusal is about the input, never the role.
        using var client = world.ClientFor(scene.Owner);
        await client.GetAsync("/api/v1/users/me");
        var before = await Persisted.StateAsync(world, scene);
        var answers = new List<string>();

        foreach (var request in RequestsFor(route, scene))
        {
            using var response = await Send.RawAsync(client, new HttpMethod(request.Method), request.Path, request.Body, request.ContentType);
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500)
                answers.Add($"{status} for {request.Method} {Shorten(request.Path)} {Shorten(request.Body)}");
        }

        Assert.Empty(answers);
        Assert.Equal(before, await Persisted.StateAsync(world, scene));
    }

    private static string Shorten(string? text) => text is null ? "(none)" : text.Length > 120 ? text[..120] + "…" : text;
}
