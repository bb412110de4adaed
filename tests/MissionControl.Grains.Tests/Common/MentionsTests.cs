using MissionControl.Grains.Common;

namespace MissionControl.Grains.Tests.Common;

public class MentionsTests
{
    [Fact]
    public void Given_text_with_handles_When_extracted_Then_they_come_lower_cased_without_the_at_sign()
    {
        Assert.Equal(new HashSet<string> { "ada", "lead", "bob-2" }, Mentions.Extract("Hi @Ada and @lead, see @bob-2. mail@ 42 @9x"));
    }

    [Theory]
    [InlineData("@ada please", "Ada Lovelace", false, true)]
    [InlineData("@adalovelace please", "Ada Lovelace", false, false)]
    [InlineData("@walker go", "walker", false, true)]
    [InlineData("@lead go", "Lead Agent", true, true)]
    [InlineData("@lead go", "Walker", false, false)]
    [InlineData("no mention", "Walker", false, false)]
    public void Given_a_message_When_matched_against_an_agent_Then_name_first_word_or_lead_count(string text, string name, bool isLead, bool expected)
    {
        Assert.Equal(expected, Mentions.Names(Mentions.Extract(text), name, isLead));
    }
}
