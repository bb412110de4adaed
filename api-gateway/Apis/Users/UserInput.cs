using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Users;

/// <summary>The rules of <c>PATCH /users/me</c>' body.</summary>
public sealed class UserUpdateValidator : RequestValidator<UserUpdate>
{
    public UserUpdateValidator()
    {
        RuleFor(user => user.Name).Line(FieldLimits.Name);
        RuleFor(user => user.PreferredName).Line(FieldLimits.Name);
        RuleFor(user => user.Pronouns).Line(FieldLimits.Label);
        RuleFor(user => user.Timezone).Line(FieldLimits.Label);
        RuleFor(user => user.Notes).Text(FieldLimits.Text);
        RuleFor(user => user.Context).Text(FieldLimits.Text);
    }
}
