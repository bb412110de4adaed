using MissionControl.GrainInterfaces.Users;
using MissionControl.Grains.Common;
using MissionControl.Grains.Users;
using MissionControl.Grains.Users.Events;

namespace MissionControl.Grains.Tests.Users;

public class UserDeciderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T1 = T0.AddMinutes(1);
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly UserIdentity Identity = new("sub-1", " Sam@Example.TEST ", " Sam ");

    private static UserState? Fold(UserState? state, IEnumerable<UserEvent> events) =>
        events.Aggregate(state, UserEvolver.Apply);

    private static UserState Registered() => Fold(null, UserDecider.Register(null, UserId, Identity, T0))!;

    [Fact]
    public void Given_no_user_When_registered_Then_email_is_lower_cased_and_text_trimmed()
    {
        var registered = Assert.IsType<UserRegistered>(Assert.Single(UserDecider.Register(null, UserId, Identity, T0)));

        Assert.Equal(new UserRegistered(UserId, "sub-1", "sam@example.test", "Sam", T0), registered);
        Assert.Equal("Sam", Registered().Profile.Name);
    }

    [Fact]
    public void Given_a_live_user_When_registered_again_Then_nothing_is_recorded()
    {
        Assert.Empty(UserDecider.Register(Registered(), UserId, Identity with { Email = "new@example.test" }, T1));
    }

    [Fact]
    public void Given_a_deleted_user_When_registered_again_Then_they_start_afresh()
    {
        var deleted = Fold(Registered(), UserDecider.Delete(Registered(), T1))!;

        var again = Fold(deleted, UserDecider.Register(deleted, UserId, new UserIdentity("sub-1", null, null), T1))!;

        Assert.False(again.IsDeleted);
        Assert.Null(again.Email);
        Assert.Equal(new UserProfile(), again.Profile);
        Assert.Null(again.ActiveOrganizationId);
    }

    [Fact]
    public void Given_no_user_When_registered_with_a_blank_subject_Then_validation_error()
    {
        var error = Assert.Throws<DomainException>(() => UserDecider.Register(null, UserId, new UserIdentity(" ", null, null), T0));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
    }

    [Fact]
    public void Given_a_profile_When_patched_Then_given_fields_change_null_ones_stay_and_blank_clears()
    {
        var state = Fold(Registered(), UserDecider.UpdateProfile(Registered(), new UserProfileChanges { Timezone = "UTC", Notes = "owl" }, T1))!;

        var events = UserDecider.UpdateProfile(state, new UserProfileChanges { Notes = "  ", Pronouns = " they/them " }, T1);

        var updated = Assert.IsType<UserProfileUpdated>(Assert.Single(events));
        Assert.Equal(new UserProfile("Sam", null, "they/them", "UTC", null, null), updated.Profile);
    }

    [Fact]
    public void Given_a_profile_When_patched_with_the_same_values_Then_nothing_is_recorded()
    {
        Assert.Empty(UserDecider.UpdateProfile(Registered(), new UserProfileChanges { Name = " Sam " }, T1));
        Assert.Empty(UserDecider.UpdateProfile(Registered(), new UserProfileChanges(), T1));
    }

    [Fact]
    public void Given_a_profile_When_a_field_is_longer_than_allowed_Then_validation_error_naming_the_field()
    {
        var error = Assert.Throws<DomainException>(() =>
            UserDecider.UpdateProfile(Registered(), new UserProfileChanges { Context = new string('x', FieldLimits.Text + 1) }, T1));

        Assert.Equal(DomainErrorKind.Validation, error.Kind);
        Assert.Contains("context", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_missing_or_deleted_user_When_changed_Then_not_found()
    {
        var deleted = Fold(Registered(), UserDecider.Delete(Registered(), T1));

        var missing = Assert.Throws<DomainException>(() => UserDecider.UpdateProfile(null, new UserProfileChanges(), T1));
        var gone = Assert.Throws<DomainException>(() => UserDecider.SetActiveOrganization(deleted, Guid.NewGuid(), T1));

        Assert.Equal(UserDecider.NotFoundDetail, missing.Detail);
        Assert.Equal(DomainErrorKind.NotFound, gone.Kind);
    }

    [Fact]
    public void Given_a_user_When_the_active_organization_is_set_Then_recorded_once()
    {
        var organizationId = Guid.NewGuid();
        var events = UserDecider.SetActiveOrganization(Registered(), organizationId, T1);
        var state = Fold(Registered(), events)!;

        Assert.Equal(new UserActiveOrganizationSet(organizationId, T1), Assert.Single(events));
        Assert.Equal(organizationId, state.ActiveOrganizationId);
        Assert.Equal(T1, state.UpdatedAt);
        Assert.Empty(UserDecider.SetActiveOrganization(state, organizationId, T1));
    }

    [Fact]
    public void Given_a_user_When_deleted_twice_Then_one_deletion_and_no_active_organization()
    {
        var withOrganization = Fold(Registered(), UserDecider.SetActiveOrganization(Registered(), Guid.NewGuid(), T0))!;

        var deleted = Fold(withOrganization, UserDecider.Delete(withOrganization, T1))!;

        Assert.True(deleted.IsDeleted);
        Assert.Null(deleted.ActiveOrganizationId);
        Assert.Empty(UserDecider.Delete(deleted, T1));
        Assert.Empty(UserDecider.Delete(null, T1));
    }
}
