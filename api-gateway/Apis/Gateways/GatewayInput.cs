using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Gateways;

/// <summary>The rules of <c>POST /gateways</c>' body.</summary>
public sealed class GatewayCreateValidator : RequestValidator<GatewayCreate>
{
    public GatewayCreateValidator()
    {
        RuleFor(gateway => gateway.Name).Name();
        RuleFor(gateway => gateway.Url).Line(FieldLimits.Url);
        RuleFor(gateway => gateway.WorkspaceRoot).WorkspaceRoot();
        RuleFor(gateway => gateway.Token).Line(FieldLimits.Token);
    }
}

/// <summary>The rules of <c>PATCH /gateways/{id}</c>' body: what is given follows the create's rules, and a name is never blanked.</summary>
public sealed class GatewayUpdateValidator : RequestValidator<GatewayUpdate>
{
    public GatewayUpdateValidator()
    {
        RuleFor(gateway => gateway.Name).Name().NotBlank();
        RuleFor(gateway => gateway.Url).Line(FieldLimits.Url);
        RuleFor(gateway => gateway.WorkspaceRoot).WorkspaceRoot();
        RuleFor(gateway => gateway.Token).Line(FieldLimits.Token);
    }
}

/// <summary>The rules of a message into a gateway session.</summary>
public sealed class GatewaySessionMessageValidator : RequestValidator<GatewaySessionMessage>
{
    public GatewaySessionMessageValidator() => RuleFor(message => message.Content).Text(FieldLimits.Text);
}
