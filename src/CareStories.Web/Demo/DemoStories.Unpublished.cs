namespace CareStories.Web.Demo;

// The demo stories that are not on the feed: withdrawn, waiting for review, sent back and drafts.
internal static partial class DemoStories
{
    private static readonly Tale[] UnpublishedTales =
    [
        // ---- Withdrawn: one taken back after publishing, one while it was waiting --------------------------------

        new()
        {
            Author = "ravi", DaysAgo = 200, EndsAs = StoryStatus.Withdrawn, WithdrawnAfterPublishing = true,
            Title = "Kept a four-year-old counting lights while his dad reset the alarm",
            Situation = "A father called at 21:30 because his home alarm would not stop sounding after a power cut, with a frightened four-year-old in his arms.",
            ImmediateAction = "I talked him through the reset one step at a time, and while he was at the panel I kept his son busy on the speakerphone, counting the lights with him.",
            Outcome = "The alarm was silenced in eight minutes and the boy went back to bed.",
            Teams = [Support], Values = [ListenedFirst],
            Quotes =
            [
                new("Thank you for keeping him calm. I could not have done both.",
                    QuoteSource.PhoneCall, CustomerNaming.Anonymous),
            ],
        },
        new()
        {
            Author = "fatima", DaysAgo = 42, EndsAs = StoryStatus.Withdrawn,
            Title = "Walked a customer through bleeding her radiators on a video call",
            Situation = "A customer's radiators were cold at the top and the earliest visit we could offer was four days away.",
            ImmediateAction = "I set up a video call and walked her through bleeding each radiator and topping up the boiler pressure.",
            Outcome = "Her heating was working properly within half an hour and we cancelled the visit.",
            Teams = [Support], Values = [WorkaroundFirst],
        },

        // ---- Waiting for review: Sam has three from his own team, two have waited for days ----------------------

        new()
        {
            Author = "fatima", DaysAgo = 8, EndsAs = StoryStatus.Submitted,
            Title = "Ended a contract on the spot for a customer moving into a care home",
            Situation = "Mr Ferreira's daughter called: her father was moving into a care home the following week and she needed to cancel his heating service contract. Eight months were left on it, and our process asks for a form signed by the account holder, who was too unwell to sign.",
            ImmediateAction = "I closed the contract the same day on the daughter's word and a note of the care home's address, waived the early-exit fee and refunded the unused part of the annual payment, EUR 126. I told her she would not need to call anyone else about it.",
            Prevention = "I have suggested to Sam that we accept a lasting power of attorney or a letter from the care home instead of a signature for cancellations like this.",
            Outcome = "The daughter had one call instead of a form to chase, and the refund arrived before the move.",
            Teams = [Support], Values = [RuleBent, ListenedFirst],
            Quotes =
            [
                new("You took one thing off a very long list. Thank you.",
                    QuoteSource.PhoneCall, CustomerNaming.FirstNameOnly, "Lucia", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "ravi", DaysAgo = 6, EndsAs = StoryStatus.Submitted,
            Title = "Oliver packed a replacement router after hours so a translator could meet her deadline",
            Situation = "A freelance translator called at 16:45 on a Thursday: her router had died, she had a deadline the next day, and a standard replacement would not ship until Monday.",
            ImmediateAction = "I called Oliver in the warehouse as he was finishing his shift. He picked a replacement, set it up with her settings so it would work straight out of the box, and got it onto the last overnight courier at 17:30.",
            Outcome = "The router arrived at 10:00 on Friday and she delivered her translation on time.",
            Heroes = ["oliver"], Teams = [Support, Warehouse], Values = [CrossTeam, OwnedIt],
            Quotes =
            [
                new("The router arrived before my coffee got cold, and it just worked. Thank you, Oliver, whoever you are.",
                    QuoteSource.Email, CustomerNaming.FirstNameOnly, "Annika", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "mei", DaysAgo = 5, EndsAs = StoryStatus.Submitted,
            Title = "Dana approved a goodwill credit at 10 p.m. so a clinic's account stayed open",
            Situation = "A physiotherapy clinic's account was due to be suspended at midnight over an unpaid invoice that was actually in dispute. Suspension would have cut off their booking system before the first patients arrived the next morning.",
            ImmediateAction = "I saw the owner's email while checking the overnight runs. Credits over EUR 500 need a director's sign-off, so I messaged Dana, who read the case at 22:00 and approved a temporary credit for the disputed amount. I lifted the suspension before midnight.",
            Prevention = "I have asked Tom whether accounts with an open dispute can be left out of the automatic suspension run.",
            Outcome = "The clinic opened as normal, and the dispute was settled in their favour the following week.",
            Heroes = ["mei", "leader"], Teams = [Billing], Values = [RuleBent, OwnedIt],
            Quotes =
            [
                new("Thank you for catching this before our morning patients did.",
                    QuoteSource.Email, CustomerNaming.FullName, "Kwame Boateng"),
            ],
        },
        new()
        {
            Author = "lukas", DaysAgo = 4, EndsAs = StoryStatus.Submitted,
            Title = "Carried the shopping up four floors when the lift was out",
            Situation = "I arrived at Mrs Kaur's flat to repair her washing machine and found her at the bottom of the stairs with four bags of shopping. The lift in her block had been out of order for two days and she has a bad knee.",
            ImmediateAction = "I carried the shopping up first, then my tools. While I was there I reported the lift to her housing association for her, as she had not been able to get through.",
            Outcome = "The washing machine was working again within the hour, and the housing association had a lift engineer there the next morning.",
            Teams = [Field], Values = [ListenedFirst],
            Quotes =
            [
                new("The first engineer who carried my potatoes as well as his toolbox.",
                    QuoteSource.InPerson, CustomerNaming.FirstNameOnly, "Harpreet"),
            ],
        },
        new()
        {
            Author = "employee", DaysAgo = 3, EndsAs = StoryStatus.Submitted,
            Title = "Noah found why a garden centre's emails to us kept bouncing",
            Situation = "Greenacre Garden Centre had spent a week trying to send us photos of a faulty irrigation controller, and every email bounced. The owner was frustrated and thought we were ignoring him.",
            ImmediateAction = "I asked Noah to look while the owner was still on the line. Within ten minutes he found that our mail filter was rejecting their messages because of an old blocklist entry for their domain. He cleared it, and the photos came through while we were still talking.",
            Prevention = "Noah changed the filter to quarantine rather than reject mail from customers' domains, and to alert IT when it does.",
            Outcome = "The fault was diagnosed from the photos that afternoon and a technician visit is booked.",
            Heroes = ["noah"], Teams = [Support, It], Values = [CrossTeam, FixedForGood],
            Quotes =
            [
                new("So it was not me! Thanks for sorting it while I waited.",
                    QuoteSource.PhoneCall, CustomerNaming.FullName, "Peter Lindgren"),
            ],
        },

        // ---- Sent back: each comment says exactly what to change -------------------------------------------------

        new()
        {
            Author = "grace", DaysAgo = 26, EndsAs = StoryStatus.ChangesRequested, WrittenAfterDays = 2,
            SendBackComment = "Great outcome, Grace. The EUR 64 spend only says \"various\": please say what it paid for (the temporary tyre? a taxi?) so it counts properly in the spending figures. And if the tyre shop visit was the next morning, how did she get to her shift? Add that to what you did right away.",
            Title = "Got a nurse to her night shift after a flat tyre and a flat spare",
            Situation = "A nurse on her way to a night shift had a flat tyre and found that her spare was flat too.",
            ImmediateAction = "I fitted a temporary tyre from the truck, and took her car to a 24-hour tyre shop the next morning.",
            Outcome = "She made her shift with five minutes to spare.",
            Teams = [Field], Values = [OwnedIt],
            Spend = new(64.00m, "EUR", "Various"),
            Quotes =
            [
                new("She got me to work. I do not know what else to say except thank you.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 2),
            ],
        },
        new()
        {
            Author = "oliver", DaysAgo = 21, EndsAs = StoryStatus.ChangesRequested,
            SendBackComment = "Lovely work, Oliver. Please take the shop's street address and the owner's full name out of the situation: once published, everyone in the company can read it, and we only name customers as far as they agreed. \"A gift shop owner\" is fine. Then send it straight back and I will publish it.",
            Title = "Repacked a smashed order by hand and sent it the same day",
            Situation = "Six glass display shelves for Ellen Shaw's gift shop at 14 Mill Lane came back to the depot smashed, two days before her shop reopened after a refit.",
            ImmediateAction = "I picked six new shelves, wrapped each one by hand in foam with corner guards, and drove them to the courier hub myself to catch the afternoon run.",
            Prevention = "Glass items are now packed with corner guards as standard.",
            Outcome = "All six shelves arrived in one piece the next day and the shop reopened on time.",
            Teams = [Warehouse], Values = [OwnedIt, FixedForGood],
            Quotes =
            [
                new("Not a single chip! Thank you for going to all that trouble.",
                    QuoteSource.Email, CustomerNaming.FirstNameOnly, "Ellen", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "noah", DaysAgo = 17, EndsAs = StoryStatus.ChangesRequested,
            SendBackComment = "A neat technical fix, Noah, but a reader cannot tell what it meant for customers. Who was waiting for those reminders, and did anyone miss an appointment? If the morning's customers got their texts before their visits, say so in the outcome: that is the story.",
            Title = "Got the appointment reminder queue moving again",
            Situation = "The queue that sends appointment reminder texts stalled overnight after a certificate expired on the SMS gateway.",
            ImmediateAction = "I renewed the certificate, restarted the queue and re-sent the 1,800 stuck reminders in order of appointment time.",
            Prevention = "I added the SMS gateway certificate to the expiry monitoring we set up for the shop tills.",
            Outcome = "All reminders had gone out by 7:15.",
            Teams = [It], Values = [FixedForGood],
        },
        new()
        {
            Author = "employee", DaysAgo = 14, EndsAs = StoryStatus.ChangesRequested,
            SendBackComment = "Thanks Jamie, this one is worth sharing. Two things before I publish: say what the customer needed that day (you told me she was about to lose a warranty claim; that is the heart of the story), and add her words from the survey she sent back. If you raised the duplicate accounts with IT, put that under prevention.",
            Title = "Merged three accounts for a customer who kept being asked the same questions",
            Situation = "A customer had three accounts with us after moving house twice, and every call started with security questions about the wrong one.",
            ImmediateAction = "I merged the accounts and checked that her warranty details carried over.",
            Outcome = "She now has one account.",
            Teams = [Support], Values = [ListenedFirst],
        },

        // ---- Drafts: the author's own, some barely started ------------------------------------------------------

        new()
        {
            Author = "ines", DaysAgo = 16, EndsAs = StoryStatus.Draft,
            Title = "Rerouted a pallet to a customer's new site while it was on the road",
            Situation = "A catering customer moved into new premises a day early and only told us once their kitchen equipment pallet was already on the lorry to the old address, where nobody would be to sign for it.",
            ImmediateAction = "I called the driver, checked the new address could take a pallet truck, and changed the drop on the route so it was delivered there on the same run.",
            Teams = [Warehouse], Values = [OwnedIt],
        },
        new()
        {
            Author = "mei", DaysAgo = 12, EndsAs = StoryStatus.Draft,
            Title = "Explained a confusing tax change to 60 small businesses, one call at a time",
            Situation = "A change in VAT treatment for equipment rental meant 60 small-business customers received invoices that looked wrong to them, and several assumed we had overcharged.",
            ImmediateAction = "Rather than send a general notice, I called each customer who had queried it, walked them through the new line on their invoice, and wrote a one-page explainer for the rest.",
            Outcome = "Queries stopped within a week and no customer disputed a payment.",
            Teams = [Billing], Values = [ListenedFirst],
        },
        new()
        {
            Author = "lukas", DaysAgo = 10, EndsAs = StoryStatus.Draft,
            Title = "Kept a school kitchen cooking on its open evening",
            Situation = "A primary school's kitchen oven failed at 8:00 on the day of their open evening, with food for 200 parents and children to prepare.",
            Teams = [Field],
        },
        new()
        {
            Author = "employee", DaysAgo = 9, EndsAs = StoryStatus.Draft,
            Title = "Called a customer back at 19:00 as promised, after my shift",
            Situation = "Tomasz works shifts and could only talk after 19:00 about a charge for a second engineer visit. Our call-back slots end at 18:00, and he had already been promised a call back twice that never came.",
            ImmediateAction = "I told him I would call at 19:00 myself, set a reminder and did. We went through the visit report together: the second visit was only needed because we had brought the wrong part, so I had the charge removed while we were on the phone.",
            Outcome = "The charge was cancelled and he had the confirmation email before we hung up.",
            Teams = [Support], Values = [OwnedIt, RuleBent],
            Quotes =
            [
                new("Third time lucky, and this time someone actually called. Thank you, Jamie.",
                    QuoteSource.PhoneCall, CustomerNaming.FirstNameOnly, "Tomasz"),
            ],
        },
        new()
        {
            Author = "employee", DaysAgo = 2, EndsAs = StoryStatus.Draft, DateLeftBlank = true,
            Title = "The invoice that needed the company's old name",
            Situation = "A customer's accounts department rejected our invoice because it showed their new trading name, while their purchase order still used the old one. They needed it reissued before their month-end close.",
        },
    ];
}
