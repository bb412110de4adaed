using Microsoft.AspNetCore.Http.HttpResults;
using MissionControl.ApiGateway.Access;
using MissionControl.ApiGateway.Authentication;
using MissionControl.GrainInterfaces.Users;
using Orleans;

namespace MissionControl.ApiGateway.Apis.Users;

/// <summary>The signed-in operator: first sign-in and their own profile (<c>/auth/bootstrap</c>, <c>/users/me</c>).</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireUser().WithTags("users");
        api.MapPost("/auth/bootstrap", Me).WithName("BootstrapUser");
        api.MapGet("/users/me", Me).WithName("GetMe");
        api.MapPatch("/users/me", UpdateMe).WithName("UpdateMe");
        api.MapDelete("/users/me", DeleteMe).WithName("DeleteMe");
        return app;
    }

    /// <summary>Binding the session registers the user and gives them an organization; this only shows them.</summary>
    public static Ok<UserRead> Me(UserSession session) => TypedResults.Ok(UserRead.From(session.User));

    public static async Task<Ok<UserRead>> UpdateMe(UserSession session, UserUpdate body, IGrainFactory grains)
    {
        var user = await grains.GetGrain<IUserGrain>(session.UserId.ToString()).UpdateProfile(body.ToChanges());
        return TypedResults.Ok(UserRead.From(user));
    }

    /// <summary>Leaves every organization, then deletes the user (see <see cref="IUserGrain.Delete"/>).</summary>
    public static async Task<Ok<OkResponse>> DeleteMe(UserSession session, IGrainFactory grains)
    {
        await grains.GetGrain<IUserGrain>(session.UserId.ToString()).Delete();
        return TypedResults.Ok(OkResponse.Instance);
    }
}
