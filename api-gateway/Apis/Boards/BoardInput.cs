using MissionControl.ApiGateway.Apis.Validation;
using MissionControl.Grains.Common;

namespace MissionControl.ApiGateway.Apis.Boards;

/// <summary>The rules of <c>POST /boards</c>' body.</summary>
public sealed class BoardCreateValidator : RequestValidator<BoardCreate>
{
    public BoardCreateValidator()
    {
        RuleFor(board => board.Name).Name();
        RuleFor(board => board.Description).Text(FieldLimits.Text);
        RuleFor(board => board.BoardType).Line(FieldLimits.Name);
        RuleFor(board => board.Objective).Text(FieldLimits.Text);
        RuleFor(board => board.MaxAgents).AtLeast(0);
    }
}

/// <summary>The rules of <c>PATCH /boards/{id}</c>' body.</summary>
public sealed class BoardUpdateValidator : RequestValidator<BoardUpdate>
{
    public BoardUpdateValidator()
    {
        RuleFor(board => board.Name).Name();
        RuleFor(board => board.Description).Text(FieldLimits.Text);
        RuleFor(board => board.Objective).Text(FieldLimits.Text);
        RuleFor(board => board.MaxAgents).AtLeast(0);
    }
}
