using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MissionControl.Api.Tests.Support;
using MissionControl.GrainInterfaces.Organizations;
using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Common;
using MissionControl.Grains.Security;
using MissionControl.ReadModels.Queries;

namespace MissionControl.Api.Tests.Organizations;

/// <summary>
/// One organization as the organization tests need it: an owner, an admin, a plain member, a
/// second plain member to act on (<see cref="Target"/>) and one pending invite whose token is known.
/// </summary>
internal sealed record OrganizationScene(
    TestOrganization Organization,
    TestUser Admin,
    TestUser Member,
    TestUser Target,
    Guid InviteId,
    string InviteToken,
    string InvitedEmail)
{
    public Guid Id => Organization.Id;

    public TestUser Owner => Organization.Owner;

    public IEnumerable<TestUser> People => [Owner, Admin, Member, Target];

    public TestUser ByRole(string role) => role switch
    {
        "owner" => Owner,
        "admin" => Admin,
        "member" => Member,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>A user not seen yet, signing in with the invited email.</summary>
    public TestUser InvitedUser()
    {
        var subject = $"invited-{Guid.NewGuid():N}";
        return new TestUser(subject, InvitedEmail, UserIds.FromSubject(subject));
    }

    public static async Task<OrganizationScene> CreateAsync(World world, string name = "Acme")
    {
        var organization = await world.NewOrganizationAsync($"{name} {Guid.NewGuid():N}");
        var admin = await world.AddMemberAsync(organization, "admin");
        var member = await world.AddMemberAsync(organization, "member");
        var target = await world.AddMemberAsync(organization, "member");
        var token = InviteTokens.Mint();
        var email = $"invited-{Guid.NewGuid():N}@mission-control.test";
        var invite = await world.Grain<IOrganizationGrain>(organization.Id).CreateInvite(
            organization.Owner.Id, new NewInvite(Guid.NewGuid(), email, InviteTokens.Hash(token), "member", MemberAccess.None));
        return new OrganizationScene(organization, admin, member, target, invite.Id, token, email);
    }
}

/// <summary>Everything the organization routes can change, as one comparable text: grains and read models alike.</summary>
internal static class Persisted
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<string> StateAsync(World world, params OrganizationScene[] scenes)
    {
        var organizations = world.Services.GetRequiredService<OrganizationQueries>();
        var memberships = world.Services.GetRequiredService<MembershipQueries>();
        var parts = new List<object?>();
        foreach (var scene in scenes)
        {
            parts.Add(await ViewAsync(world, scene.Id));
            parts.Add(await organizations.GetAsync(scene.Id));
            parts.Add(await memberships.MembersAsync(scene.Id, 200, 0));
            parts.Add(await organizations.PendingInvitesAsync(scene.Id, 200, 0));
            foreach (var person in scene.People)
            {
                parts.Add(await organizations.OfUserAsync(person.Id));
                parts.Add(await memberships.MemberAsync(scene.Id, person.Id));
                parts.Add((await world.Grain<IUserGrain>(person.Id).Get()).ActiveOrganizationId);
            }
        }

        return JsonSerializer.Serialize(parts, Json);
    }

    private static async Task<object> ViewAsync(World world, Guid organizationId)
    {
        try
        {
            return await world.Grain<IOrganizationGrain>(organizationId).Get();
        }
        catch (DomainException error)
        {
            return error.Detail;
        }
    }
}

/// <summary>Raw requests, for bodies no serializer would produce.</summary>
internal static class Send
{
    public static Task<HttpResponseMessage> RawAsync(HttpClient client, HttpMethod method, string path, string? body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> JsonAsync(HttpClient client, HttpMethod method, string path, object? body) =>
        RawAsync(client, method, path, body is null ? null : JsonSerializer.Serialize(body));
}
