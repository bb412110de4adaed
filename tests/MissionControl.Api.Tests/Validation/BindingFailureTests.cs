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
        var response = await PutMemberAccessAsync("""{"board_access": [{"can_read": true}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.board_access.0.board_id", "missing")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_list_item_field_of_the_wrong_type_is_located_inside_the_item()
    {
        var response = await PutMemberAccessAsync($$"""{"board_access": [{"board_id": "{{Guid.NewGuid()}}", "can_read": "yes"}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.board_access.0.can_read", "type_error")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_field_named_in_other_letter_case_is_matched_as_the_binder_matches_it()
    {
        var response = await PutMemberAccessAsync("""{"Board_Access": [{"Can_Read": true}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.Board_Access.0.board_id", "missing")], await response.IssuesAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task A_body_not_given_where_one_is_required_is_missing(string body)
    {
        var organization = await world.NewOrganizationAsync();
        using var client = world.ClientFor(organization.Owner);

        var response = await client.PostAsync("/api/v1/boards", Responses.Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body", "missing")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_body_that_starts_with_a_byte_order_mark_is_scanned_like_any_other()
    {
        var organization = await world.NewOrganizationAsync();
        var gatewayId = await world.NewGatewayAsync(organization);
        using var client = world.ClientFor(organization.Owner);
        var json = $$"""{"name": "a\u0000b", "description": "d", "gateway_id": "{{gatewayId}}"}""";
        var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(json)]);
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/v1/boards", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.name", "string_pattern_mismatch")], await response.IssuesAsync());
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

    /// <summary>Sends <paramref name="body"/> as a member's access, on behalf of the organization's owner.</summary>
    private async Task<HttpResponseMessage> PutMemberAccessAsync(string body)
    {
        var organization = await world.NewOrganizationAsync();
        var member = await world.AddMemberAsync(organization, "member");
        using var client = world.ClientFor(organization.Owner);
        var members = await (await client.GetAsync("/api/v1/organizations/me/members")).JsonAsync();
        var row = members.GetProperty("items").EnumerateArray()
            .Single(item => item.GetProperty("user_id").GetString() == member.Id.ToString());
        return await client.PutAsync($"/api/v1/organizations/me/members/{row.GetProperty("id").GetString()}/access", Responses.Json(body));
    }
}
