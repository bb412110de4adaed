using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MissionControl.ApiGateway.Authentication;
using MissionControl.ApiGateway.Http;
using MissionControl.ApiGateway.OpenApi;
using MissionControl.Grains.Common;

namespace MissionControl.Api.Tests.Support;

/// <summary>
/// Endpoints that exist only in tests, to drive the cross-cutting behaviour before real resources
/// exist. They are routed after the service's own pipeline, so requests to them pass through the
/// same request-id, error, body-limit and authentication handling as every real route.
/// </summary>
public sealed class TestEndpoints : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.UseRouting();
        app.UseAuthorization();
        app.UseEndpoints(Map);
    };

    private static void Map(IEndpointRouteBuilder endpoints)
    {
        var test = endpoints.MapGroup("/test").WithTags("test");
        test.MapPost("/echo", (EchoRequest request) => request);
        test.MapGet("/domain-error/{kind}", (DomainErrorKind kind) => Throw(new DomainException(kind, $"broken {kind} rule")));
        test.MapGet("/coded-domain-error", () => Throw(DomainError.Forbidden("Not your task.", "task_assignee_mismatch")));
        test.MapGet("/boom", () => Throw(new InvalidOperationException("secret-internal-state")));
        test.MapGet("/page", (PageRequest page) => page.ToPage<int>([.. Enumerable.Range(page.Offset, 3)], 1000));
        test.MapGet("/user", (HttpContext context) => UserCaller.From(context.User)).RequireUser();
        test.MapGet("/agent", (AgentCaller agent) => agent).RequireAgent().WithAgentRoles(AgentRole.Lead, AgentRole.Worker);
        test.MapGet("/either", (HttpContext context) => new Either(UserCaller.From(context.User), AgentCaller.From(context.User)))
            .RequireUserOrAgent();
    }

    private static IResult Throw(Exception ex) => throw ex;

    public sealed record EchoRequest(string DisplayName, int Count, IReadOnlyList<string>? Tags = null);

    public sealed record Either(UserCaller? User, AgentCaller? Agent);
}
