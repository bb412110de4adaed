using System.Net;
using MissionControl.Api.Tests.Support;

namespace MissionControl.Api.Tests;

/// <summary>List endpoints take <c>limit</c> (1..200, default 200) and <c>offset</c> (>= 0) and answer a page.</summary>
public sealed class PaginationTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Without_paging_parameters_a_page_starts_at_zero_with_limit_200()
    {
        using var client = host.Client();

        var page = await (await client.GetAsync("/test/page")).JsonAsync();

        Assert.Equal(200, page.GetProperty("limit").GetInt32());
        Assert.Equal(0, page.GetProperty("offset").GetInt32());
        Assert.Equal(1000, page.GetProperty("total").GetInt64());
        Assert.Equal([0, 1, 2], page.GetProperty("items").EnumerateArray().Select(item => item.GetInt32()));
    }

    [Fact]
    public async Task Given_limit_and_offset_the_page_reports_them()
    {
        using var client = host.Client();

        var page = await (await client.GetAsync("/test/page?limit=5&offset=40")).JsonAsync();

        Assert.Equal(5, page.GetProperty("limit").GetInt32());
        Assert.Equal(40, page.GetProperty("offset").GetInt32());
        Assert.Equal(40, page.GetProperty("items")[0].GetInt32());
    }

    [Theory]
    [InlineData("limit=0", "query.limit", "greater_than_equal")]
    [InlineData("limit=201", "query.limit", "less_than_equal")]
    [InlineData("limit=ten", "query.limit", "int_parsing")]
    [InlineData("offset=-1", "query.offset", "greater_than_equal")]
    [InlineData("offset=99999999999", "query.offset", "int_parsing")]
    public async Task An_out_of_range_or_unparsable_value_is_answered_422_locating_it(string query, string loc, string type)
    {
        using var client = host.Client();

        var response = await client.GetAsync($"/test/page?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([(loc, type)], await response.IssuesAsync());
    }

    [Fact]
    public async Task Both_bad_values_are_reported_at_once()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/test/page?limit=0&offset=-5");

        Assert.Equal(["query.limit", "query.offset"], (await response.IssuesAsync()).Select(issue => issue.Loc));
    }
}
