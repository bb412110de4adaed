using System.Net;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests.Validation;

/// <summary>
/// What did not bind is found in the request itself, wherever it is: a query value, a field of a
/// list item, a required field of a nested object, a body that is not an object.
/// </summary>
public sealed class BindingFailureTests(World world) : IClassFixture<World>
{
    [Fact]
    public async Task A_query_value_that_does_not_parse_is_located_by_its_key()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.GetAsync("/api/v1/boards?gateway_id=not-a-uuid");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("query.gateway_id", "parsing")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_path_value_that_does_not_parse_is_located_by_its_name()
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PutAsync("/api/v1/organizations/me/members/not-a-uuid/access", Responses.Json("{}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("path.member_id", "parsing")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_required_field_missing_from_a_list_item_is_located_inside_the_item()
    {
        var (client, memberId) = await MemberAsync();
        using var _ = client;

        var response = await client.PutAsync($"/api/v1/organizations/me/members/{memberId}/access",
            Responses.Json("""{"board_access": [{"can_read": true}]}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.board_access.0.board_id", "missing")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_list_item_field_of_the_wrong_type_is_located_inside_the_item()
    {
        var (client, memberId) = await MemberAsync();
        using var _ = client;

        var response = await client.PutAsync($"/api/v1/organizations/me/members/{memberId}/access",
            Responses.Json($$"""{"board_access": [{"board_id": "{{Guid.NewGuid()}}", "can_read": "yes"}]}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.board_access.0.can_read", "type_error")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_patch_body_that_is_not_an_object_is_refused_as_such()
    {
        var organization = await world.NewOrganizationAsync();
        var boardId = await world.NewBoardAsync(organization);
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PatchAsync($"/api/v1/boards/{boardId}", Responses.Json("null"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body", "dict_type")], await response.IssuesAsync());
    }

    private async Task<(HttpClient Client, Guid MemberId)> MemberAsync()
    {
        var organization = await world.NewOrganizationAsync();
        var member = await world.AddMemberAsync(organization, "member");
        var client = world.ClientFor(organization.Owner);
        var members = await (await client.GetAsync("/api/v1/organizations/me/members")).JsonAsync();
        var row = members.GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("user_id").GetString() == member.Id.ToString());
        return (client, Guid.Parse(row.GetProperty("id").GetString()!));
    }
}
