using CareStories.Domain.Catalogue;
using CareStories.Domain.Fixes;
using CareStories.Domain.Tests.Data;
using Microsoft.EntityFrameworkCore;
using static CareStories.Domain.Tests.Stories.StoryMaker;

namespace CareStories.Domain.Tests.Fixes;

public sealed class FixTests
{
    private const string Raiser = "raiser-id";
    private const string Owner = "owner-id";
    private static readonly FixActor Manager = new("manager-id", ManagesOwningTeam: true);
    private static readonly FixActor Stranger = new("stranger-id", ManagesOwningTeam: false);

    private static Fix Proposed(params int[] storyIds) => Fix.Propose("Spare fusers in every van", "Stock a spare fuser.", TeamId, Raiser, storyIds, Now);

    private static Fix Accepted()
    {
        var fix = Proposed(1);
        fix.Accept(Manager, Owner, Today.AddDays(10), Today, Now);
        return fix;
    }

    [Fact]
    public void Proposing_needs_a_title_what_will_change_and_a_team_and_names_every_missing_one()
    {
        var refusal = Assert.Throws<DomainException>(() => Fix.Propose(" ", null, null, Raiser, [], Now));
        Assert.Equal(["Title", "Change", "TeamId"], refusal.Errors.Fields());
    }

    [Fact]
    public void A_proposal_starts_its_history_and_tells_the_team_with_its_stories_kept_once_each()
    {
        var fix = Proposed(4, 4, 9);
        Assert.Equal(FixStatus.Proposed, fix.Status);
        Assert.Equal([4, 9], fix.Stories.Select(s => s.StoryId));
        Assert.Single(fix.History);
        Assert.IsType<FixProposed>(Assert.Single(fix.DomainEvents));
    }

    [Fact]
    public void Only_the_owning_teams_managers_accept_or_decline()
    {
        var fix = Proposed();
        Assert.Contains("managers", Assert.Throws<DomainException>(() => fix.Accept(Stranger, Owner, null, Today, Now)).Message);
        Assert.Contains("managers", Assert.Throws<DomainException>(() => fix.Decline(Stranger, "No.", Now)).Message);
        Assert.Equal(FixStatus.Proposed, fix.Status);
    }

    [Fact]
    public void Accepting_names_an_owner_and_refuses_a_target_date_in_the_past()
    {
        var fix = Proposed();
        var refusal = Assert.Throws<DomainException>(() => fix.Accept(Manager, null, Today.AddDays(-1), Today, Now));
        Assert.Equal(["OwnerId", "TargetDate"], refusal.Errors.Fields());

        fix.Accept(Manager, Owner, Today, Today, Now);
        Assert.Equal((FixStatus.Accepted, Owner), (fix.Status, fix.OwnerId));
        Assert.Throws<DomainException>(() => fix.Decline(Manager, "Too late.", Now));
    }

    [Fact]
    public void Declining_needs_a_reason()
    {
        var fix = Proposed();
        Assert.Equal("DeclineReason", Assert.Single(Assert.Throws<DomainException>(() => fix.Decline(Manager, "  ", Now)).Errors).Field);
        fix.Decline(Manager, "The supplier replaces these next month.", Now);
        Assert.Equal(FixStatus.Declined, fix.Status);
        Assert.Equal("The supplier replaces these next month.", fix.History.Last().Note);
        Assert.Throws<DomainException>(() => fix.Start(Manager, Now));
    }

    [Fact]
    public void Only_the_owner_or_the_managers_move_it_and_done_needs_what_changed()
    {
        var fix = Accepted();
        Assert.Throws<DomainException>(() => fix.Start(Stranger, Now));
        Assert.Throws<DomainException>(() => fix.MarkDone(Stranger, "Done.", [], Now));

        fix.Start(new FixActor(Owner, false), Now);
        Assert.Equal("WhatChanged", Assert.Single(Assert.Throws<DomainException>(() => fix.MarkDone(Manager, "", [], Now)).Errors).Field);
        fix.MarkDone(new FixActor(Owner, false), "Every van carries a spare fuser.", [], Now.AddDays(2));

        Assert.Equal(FixStatus.Done, fix.Status);
        Assert.Equal(Now.AddDays(2), fix.DoneAt);
        Assert.Equal([Owner], fix.Credits.Select(c => c.PersonId));
        Assert.Equal([FixStatus.Proposed, FixStatus.Accepted, FixStatus.InProgress, FixStatus.Done], fix.History.Select(h => h.To));
        Assert.Contains(fix.DomainEvents, e => e is FixDone);
        Assert.Throws<DomainException>(() => fix.MarkDone(Manager, "Again.", [], Now));
    }

    [Fact]
    public void An_open_fix_is_overdue_after_its_target_date_and_a_done_one_never_is()
    {
        var fix = Accepted();
        Assert.False(fix.IsOverdue(Today.AddDays(10)));
        Assert.True(fix.IsOverdue(Today.AddDays(11)));
        fix.MarkDone(Manager, "Done.", [], Now);
        Assert.False(fix.IsOverdue(Today.AddDays(11)));
    }

    [Fact]
    public void A_story_joins_an_open_fix_once_and_never_a_closed_one()
    {
        var fix = Proposed(1);
        fix.AddStory(2, Raiser, Now);
        Assert.Throws<DomainException>(() => fix.AddStory(2, Raiser, Now));
        fix.Decline(Manager, "No.", Now);
        Assert.Throws<DomainException>(() => fix.AddStory(3, Raiser, Now));
    }

    [Fact]
    public void A_done_fix_is_celebrated_with_the_same_rules_as_a_story_but_not_by_those_credited()
    {
        var badge = new Badge("Root-cause fixer", "Fixed it for good.", BadgeColour.Blue);
        var open = new FixRecognitionFacts(1, FixStatus.InProgress, [Owner]);
        var done = open with { Status = FixStatus.Done };

        Assert.Throws<DomainException>(() => FixCelebration.Give(open, "leader-id", badge, "Well done.", Now));
        Assert.Throws<DomainException>(() => FixCelebration.Give(done, Owner, badge, "Well done me.", Now));
        Assert.Equal("Message", Assert.Single(Assert.Throws<DomainException>(() => FixCelebration.Give(done, "leader-id", badge, " ", Now)).Errors).Field);
        var celebration = FixCelebration.Give(done, "leader-id", badge, " Well done. ", Now);
        Assert.Equal("Well done.", celebration.Message);
    }

    [Fact]
    public void A_story_repeats_only_another_story_published_before_it_happened()
    {
        Assert.Throws<DomainException>(() => StoryRepeat.Mark(5, 5, Now, Now.AddDays(-9), Raiser, Now));
        Assert.Throws<DomainException>(() => StoryRepeat.Mark(5, 4, Now.AddDays(-10), Now, Raiser, Now));
        Assert.Throws<DomainException>(() => StoryRepeat.Mark(5, null, Now, Now, Raiser, Now));
        Assert.Equal(4, StoryRepeat.Mark(5, 4, Now, Now.AddDays(-9), Raiser, Now).RepeatOfStoryId);
    }

    [Fact]
    public async Task Two_managers_deciding_at_once_cannot_both_win_and_the_second_is_told_who_was_first()
    {
        await using var race = await RaceDatabase.CreateAsync();
        int id;
        await using (var db = race.Context())
        {
            var fix = Fix.Propose("Spare fusers", "Stock them.", race.Team.Id, race.Author.Id, [], Now);
            db.Fixes.Add(fix);
            await db.SaveChangesAsync();
            id = fix.Id;
        }

        await using var sam = race.Context();
        await using var lee = race.Context();
        var samsFix = await sam.Fixes.Include(f => f.History).SingleAsync(f => f.Id == id);
        var leesFix = await lee.Fixes.Include(f => f.History).SingleAsync(f => f.Id == id);
        samsFix.Accept(new FixActor(race.Sam.Id, true), race.Colleague.Id, null, Today, Now.AddMinutes(1));
        leesFix.Decline(new FixActor(race.Lee.Id, true), "Not ours.", Now.AddMinutes(1));

        await sam.SaveFixAsync(id);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => lee.SaveFixAsync(id));

        Assert.Contains("Sam Okafor already changed this fix (it is now accepted)", refusal.Message);
        await using var check = race.Context();
        Assert.Equal(FixStatus.Accepted, await check.Fixes.Where(f => f.Id == id).Select(f => f.Status).SingleAsync());
    }
}
