using System.Net;
using MissionControl.Api.Tests.Support;
using MissionControl.ApiGateway.Configuration;
using MissionControl.Grains.Common;

namespace MissionControl.Api.Tests;

/// <summary>Every failure answers with the contract's status and a <c>{"detail": …}</c> body.</summary>
public sealed class ErrorResponseTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Request_and_response_bodies_use_snake_case_names()
    {
        using var client = host.Client();

        var response = await client.PostAsync("/test/echo", Responses.Json("""{"display_name":"Ada","count":2}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Ada", body.GetProperty("display_name").GetString());
        Assert.Equal(2, body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Malformed_json_is_answered_422_as_a_json_decode_error()
    {
        using var client = host.Client();

        var response = await client.PostAsync("/test/echo", Responses.Json("""{"display_name": "Ada", """));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body", "json_invalid")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_answered_422_locating_the_field()
    {
        using var client = host.Client();

        var response = await client.PostAsync("/test/echo", Responses.Json("""{"display_name":"Ada","count":"many"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.count", "type_error")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_missing_required_field_is_answered_422_naming_the_field()
    {
        using var client = host.Client();

        var response = await client.PostAsync("/test/echo", Responses.Json("""{"count":1}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("body.display_name", "missing")], await response.IssuesAsync());
    }

    [Fact]
    public async Task Control_characters_anywhere_in_a_body_are_answered_422_locating_each_string()
    {
        using var client = host.Client();

        var response = await client.PostAsync("/test/echo", Responses.Json(
            """{"display_name":"A\u0000da","count":1,"extra":{"list":["fine\n","\u001b[31m"]}}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            [("body.display_name", "string_pattern_mismatch"), ("body.extra.list.1", "string_pattern_mismatch")],
            await response.IssuesAsync());
    }

    [Fact]
    public async Task Strings_that_are_not_valid_unicode_are_answered_422()
    {
        using var client = host.Client();
        var invalidUtf8 = System.Text.Encoding.UTF8.GetBytes("""{"display_name":"A#","count":1}""").Select(b => b == (byte)'#' ? (byte)0xC3 : b).ToArray();
        var content = new ByteArrayContent(invalidUtf8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var invalid = await client.PostAsync("/test/echo", content);
        var unpaired = await client.PostAsync("/test/echo", Responses.Json("""{"display_name":"A\ud800","count":1}"""));

        Assert.Equal([("body.display_name", "string_unicode")], await invalid.IssuesAsync());
        Assert.Equal([("body.display_name", "string_unicode")], await unpaired.IssuesAsync());
    }

    [Fact]
    public async Task A_control_character_in_a_query_parameter_is_answered_422()
    {
        using var client = host.Client();

        var response = await client.PostAsync("/test/echo?note=a%00b", Responses.Json("""{"display_name":"Ada","count":1}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal([("query.note", "string_pattern_mismatch")], await response.IssuesAsync());
    }

    [Fact]
    public async Task A_null_for_a_required_field_is_answered_422()
    {
        using var client = host.Client();

        var response = await client.PostAsync("/test/echo", Responses.Json("""{"display_name":null,"count":1}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("null_not_allowed", (await response.IssuesAsync()).Single().Type);
    }

    [Fact]
    public async Task An_empty_body_where_one_is_required_is_answered_422()
    {
        using var client = host.Client();

        var response = await client.PostAsync("/test/echo", Responses.Json(""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("missing", (await response.IssuesAsync()).Single().Type);
    }

    [Fact]
    public async Task A_body_declared_over_the_limit_is_answered_413()
    {
        using var client = host.Client();
        var oversize = new ByteArrayContent(new byte[ApiLimits.DefaultMaxRequestBodyBytes + 1]);
        oversize.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/test/echo", oversize);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal($"Request body exceeds maximum size of {ApiLimits.DefaultMaxRequestBodyBytes} bytes.", await response.DetailAsync());
    }

    [Fact]
    public async Task A_streamed_body_that_grows_over_the_limit_is_answered_413()
    {
        using var client = host.Client();
        var json = $$"""{"display_name":"{{new string('a', (int)ApiLimits.DefaultMaxRequestBodyBytes)}}","count":1}""";

        var response = await client.PostAsync("/test/echo", new UnknownLengthContent(json));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_answered_404_not_found()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not Found", await response.DetailAsync());
    }

    [Theory]
    [InlineData(DomainErrorKind.Validation, 422)]
    [InlineData(DomainErrorKind.NotFound, 404)]
    [InlineData(DomainErrorKind.Conflict, 409)]
    [InlineData(DomainErrorKind.Forbidden, 403)]
    public async Task A_domain_error_is_answered_with_its_kinds_status_and_its_message(DomainErrorKind kind, int status)
    {
        using var client = host.Client();

        var response = await client.GetAsync($"/test/domain-error/{kind}");

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal($"broken {kind} rule", await response.DetailAsync());
    }

    [Fact]
    public async Task A_domain_error_with_a_code_answers_message_and_code_in_the_detail()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/test/coded-domain-error");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (await response.JsonAsync()).GetProperty("detail");
        Assert.Equal("Not your task.", detail.GetProperty("message").GetString());
        Assert.Equal("task_assignee_mismatch", detail.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unexpected_exception_is_answered_500_without_revealing_its_message()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Internal Server Error", await response.DetailAsync());
        Assert.DoesNotContain("secret-internal-state", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Error_bodies_carry_the_request_id_of_their_response()
    {
        using var client = host.Client();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        var body = await response.JsonAsync();
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), body.GetProperty("request_id").GetString());
    }

    /// <summary>A body sent without a Content-Length, so its size shows only while it is read.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(string json)
        {
            _bytes = System.Text.Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
