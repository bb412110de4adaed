using MissionControl.Grains.Boards;
using MissionControl.Grains.Boards.Events;
using MissionControl.Grains.Common;

namespace MissionControl.Grains.Tests.Boards;

public class BoardMemoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid OrgId = Guid.NewGuid();

    private static BoardState Board() => BoardEvolver.Fold(BoardDecider.Decide(null, new CreateBoard(
        Guid.NewGuid(), OrgId, "Launch", "Ship v1", new GatewayFacts(Guid.NewGuid(), OrgId, HasMainAgent: true), T0)))!;

    private static PostMemory Post(string content, params string[] tags) =>
        new(Guid.NewGuid(), content, tags, "Sam", null, Guid.NewGuid(), T0.AddMinutes(1));

    [Fact]
    public void Given_a_board_When_a_note_and_a_chat_message_are_posted_Then_only_the_chat_one_is_chat_and_the_board_is_unchanged()
    {
        var board = Board();

        var note = Assert.IsType<BoardMemoryPosted>(Assert.Single(BoardDecider.Decide(board, Post("Decision: ship Friday", "decision"))));
        var chat = Assert.IsType<BoardMemoryPosted>(Assert.Single(BoardDecider.Decide(board, Post("hello", "chat"))));

        Assert.False(note.IsChat);
        Assert.True(chat.IsChat);
        Assert.Equal(board, BoardEvolver.Apply(board, chat));
    }

    [Fact]
    public void Given_a_running_board_When_chat_says_pause_then_resume_Then_it_pauses_and_resumes_with_the_messages_kept()
    {
        var board = Board();

        var pause = BoardDecider.Decide(board, Post(" /PAUSE ", "chat"));
        var paused = BoardEvolver.Fold(pause, board)!;
        var resume = BoardDecider.Decide(paused, Post("/resume", "chat"));

        Assert.Collection(pause, e => Assert.IsType<BoardMemoryPosted>(e), e => Assert.IsType<BoardPaused>(e));
        Assert.True(paused.IsPaused);
        Assert.False(BoardEvolver.Fold(resume, paused)!.IsPaused);
    }

    [Fact]
    public void Given_pause_as_a_note_not_tagged_chat_When_posted_Then_the_board_keeps_running()
    {
        Assert.IsType<BoardMemoryPosted>(Assert.Single(BoardDecider.Decide(Board(), Post("/pause", "note"))));
    }

    [Fact]
    public void Given_blank_content_When_posted_Then_422()
    {
        Assert.Equal(DomainErrorKind.Validation, Assert.Throws<DomainException>(() => BoardDecider.Decide(Board(), Post("   ", "chat"))).Kind);
    }

    [Fact]
    public void Given_a_failed_message_When_recorded_Then_the_error_is_kept_short()
    {
        var failed = Assert.IsType<BoardNotificationFailed>(Assert.Single(BoardDecider.Decide(
            Board(), new RecordNotificationFailure("board.chat", Guid.NewGuid(), null, new string('x', 10_000), T0))));

        Assert.Equal(2000, failed.Error.Length);
    }
}
