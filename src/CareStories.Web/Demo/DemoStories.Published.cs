namespace CareStories.Web.Demo;

// The demo stories that reach the feed.
internal static partial class DemoStories
{
    private static readonly Tale[] PublishedTales =
    [
        new()
        {
            Author = "grace", DaysAgo = 287, EndsAs = StoryStatus.Published, WrittenAfterDays = 7,
            Title = "A stranded driver, two sleeping children and the motorway at 1 a.m.",
            Situation = "Hannah's car lost power on the motorway just after midnight, 180 km from home, with her two children asleep in the back. Her phone was at 4% and the hard shoulder was the only place to stop. Our rules only let us take a vehicle and its passengers to the nearest partner garage, and that garage was closed until 8 a.m.",
            ImmediateAction = "I reached her in 35 minutes, got the family behind the barrier with blankets from the truck and charged her phone from my cab. The fault was a failed alternator that could not be fixed at the roadside. Instead of leaving them outside a closed garage, I booked a taxi to the hotel she had reserved for the night, paid for it from my care budget, and towed the car to the garage myself so it was first in the queue when they opened.",
            Prevention = "I asked dispatch to add a \"children or vulnerable passengers on board?\" question to the night-call script. Elena agreed that those calls now go to the top of the queue between 22:00 and 06:00.",
            Outcome = "The family slept at their hotel. The garage fitted a new alternator by 10 a.m. and Hannah was back on the road before lunch, with the children none the wiser.",
            Teams = [Field], Values = [RuleBent, OwnedIt],
            Spend = new(45.00m, "EUR", "Taxi for the driver and her two children from the motorway to their hotel"),
            Quotes =
            [
                new("Thank you for turning the worst night of our trip into a story the children now tell as an adventure. Your driver was calm, kind and funny, and she never once made me feel foolish for letting my phone run down.",
                    QuoteSource.Letter, CustomerNaming.FullName, "Hannah Lindqvist", DaysAfter: 6),
                new("Broke down on the motorway at midnight with the kids. The recovery driver got us a taxi to our hotel and towed the car herself. Did not expect that from a breakdown service.",
                    QuoteSource.SocialPost, CustomerNaming.Anonymous, DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "mei", DaysAgo = 260, EndsAs = StoryStatus.Published,
            Title = "A EUR 340 refund sent the same day, so a student could pay her rent",
            Situation = "Chloé, a student, was charged EUR 340 for a whole year in advance instead of her monthly EUR 28.33, because her plan had been set up on the wrong billing cycle. Her rent was due the next day and the charge had left her short. Refunds normally go out in the weekly run on Thursdays; it was Monday.",
            ImmediateAction = "I corrected her plan, worked out the refund to the cent and sent it as a manual same-day transfer, with Tom's approval over chat. Before the end of my day I called Chloé back to make sure the money had landed.",
            Prevention = "The cause was a plan template that defaulted to annual billing for student discounts. I had it corrected, then checked the other 37 student accounts set up that month and found two more on the wrong cycle, which I fixed before they were charged.",
            Outcome = "Chloé paid her rent on time, and two other students never saw the wrong charge at all.",
            Teams = [Billing], Values = [RuleBent, FixedForGood],
            Quotes =
            [
                new("Billing error on my account, fixed and refunded the SAME DAY. As a broke student I could honestly cry. Thank you!",
                    QuoteSource.SocialPost, CustomerNaming.FirstNameOnly, "Chloé", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "mei", DaysAgo = 240, EndsAs = StoryStatus.Published,
            SendBackComment = "Great story, Mei. Before I publish: please say how many customers were affected and that we contacted all of them, not only the ones who called. That is the first thing leaders will ask.",
            Title = "Charged twice by direct debit: refunded the same day, then fixed at the root",
            Situation = "On the first of the month a customer called in a panic: two identical direct debits of EUR 89.90 had left her account that morning and her rent was due the next day. Within the hour six more calls came in. A nightly batch job had timed out half-way, restarted itself, and sent the same collection file to the bank a second time.",
            ImmediateAction = "Mei pulled the list of every customer in the duplicated file, 212 in all, and refunded each of them the same day by instant transfer rather than waiting weeks for the bank's indemnity process. Noah found the cause in the job logs within 40 minutes and held the next night's run until it was safe.",
            Prevention = "Noah made the collection job idempotent: every file now carries a run key and the bank gateway refuses a second file with the same key. Mei added a daily reconciliation check that alerts Billing if any customer has more than one collection for the same invoice.",
            Outcome = "All 212 customers had their money back before the end of the day, and every one of them received an email from Mei explaining what had happened, whether they had noticed or not. Nobody paid a bank fee, and the job has not duplicated a file since.",
            Heroes = ["mei", "noah"], Teams = [Billing, It], Values = [WorkaroundFirst, FixedForGood, CrossTeam],
            Quotes =
            [
                new("I rang expecting a fight and had the money back before I had finished my coffee.",
                    QuoteSource.PhoneCall, CustomerNaming.Anonymous),
                new("Thank you for telling us before we had even noticed. That is the first time a company has done that for me.",
                    QuoteSource.Email, CustomerNaming.FirstNameOnly, "Ingrid", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "oliver", DaysAgo = 225, EndsAs = StoryStatus.Published,
            Title = "Opened the warehouse at 5:30 so a dairy farm could milk on time",
            Situation = "At 21:00 the Hartmann family's milking robot failed with a broken vacuum pump, on a farm 60 km from our nearest depot. Their 120 cows had to be milked by 7:00 the next morning, and the warehouse does not open until 8:00.",
            ImmediateAction = "Lukas diagnosed the fault over the phone with the farmer and called me at home. Inès arranged early access with security overnight, we opened the depot at 5:30, I picked the pump and tested it on the bench, and Lukas collected it at 5:45 and drove straight to the farm.",
            Prevention = "Farm failures cannot wait for opening hours, so every technician covering that region now carries a vacuum pump in the van, and Inès added a warehouse on-call number to the field rota.",
            Outcome = "The robot was running again at 6:50, ten minutes before milking was due. No cow went unmilked and the farm lost no milk.",
            Heroes = ["oliver", "ines", "lukas"], Teams = [Warehouse, Field], Values = [CrossTeam, OwnedIt],
            Quotes =
            [
                new("Three people got out of bed early for my cows. You do not forget that.",
                    QuoteSource.PhoneCall, CustomerNaming.FullName, "Johann Hartmann"),
                new("Robot broke at 9pm, fixed before morning milking. Whoever runs their warehouse, buy them breakfast.",
                    QuoteSource.SocialPost, CustomerNaming.Anonymous, DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "employee", DaysAgo = 214, EndsAs = StoryStatus.Published, WrittenAfterDays = 3,
            Title = "The report that had to reach the boss in ten minutes",
            Situation = "Priya called at 8:50 on a Monday. Her office printer had jammed with a fuser error, and her quarterly report had to be on her director's desk, on paper, at 9:00. She was close to tears and asked how soon a technician could come.",
            ImmediateAction = "No technician could be there in ten minutes, and the printer was not really the problem: the report was. I asked whether there was another printer anywhere in her building. There was one on the floor below, belonging to another company. While she walked down, I called their reception, explained, and they agreed to print it for her. Priya emailed them the PDF and had the pages in her hand with three minutes to spare.",
            Prevention = "I booked Lukas for a same-day visit to replace the fuser, and added her office to the preventive maintenance list so the printer is serviced before the fuser reaches the end of its life.",
            Outcome = "The report was on the director's desk at 8:58 and the printer was fixed that afternoon. Priya has since renewed her service contract for three years.",
            Teams = [Support], Values = [WorkaroundFirst, ListenedFirst],
            Spend = new(12.00m, "EUR", "Chocolates for the reception team downstairs who printed the report"),
            Quotes =
            [
                new("I called about a printer and you solved my actual problem. I still cannot believe you rang the company downstairs for me.",
                    QuoteSource.Email, CustomerNaming.FullName, "Priya Nair"),
                new("Fast, calm, and thought of something I had not. Ten out of ten.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 3),
            ],
        },
        new()
        {
            Author = "oliver", DaysAgo = 198, EndsAs = StoryStatus.Published, WrittenAfterDays = 2,
            Title = "Drove the last infusion pump spare to Riverside General before the night shift",
            Situation = "At 17:40 the clinical engineering team at Riverside General Hospital called: an infusion pump on their intensive care unit had failed, their own spare was out on loan, and they needed a replacement drive unit before the night shift started at 20:00. The courier cut-off had passed at 16:00 and the next collection was the following morning.",
            ImmediateAction = "We had one drive unit on the shelf. I booked it out, tested it on the bench and drove it to the hospital in my own car rather than wait for the courier. Their engineer had it fitted by 19:15.",
            Prevention = "Inès now keeps two drive units for critical-care equipment at each depot, and orders for intensive care placed after the cut-off go straight to the duty coordinator's phone instead of the general queue.",
            Outcome = "The pump was back in service before the night shift began. The hospital has since asked us to take on the service contract for their second site.",
            Teams = [Warehouse], Values = [OwnedIt, RuleBent],
            Spend = new(32.60m, "EUR", "Fuel and hospital parking for driving the part in my own car"),
            Quotes =
            [
                new("Your coordinator was at our door with the part two hours after I called. On an intensive care unit, that matters more than I can say.",
                    QuoteSource.Email, CustomerNaming.FullName, "Siobhan Keller"),
                new("Outstanding response when it really counted.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 2),
            ],
        },
        new()
        {
            Author = "ravi", DaysAgo = 180, EndsAs = StoryStatus.Published, WrittenAfterDays = 8,
            Title = "Flowers for Mrs Delgado, and a contract paused instead of cancelled",
            Situation = "Rosa Delgado called to cancel her service contract, apologising because she could not afford it while her husband was in hospital after a stroke. Cancelling mid-term would have cost her a USD 60 fee and the loyalty discount she had built up over nine years.",
            ImmediateAction = "I let her tell me the whole story before I mentioned any options. Instead of cancelling, I paused the contract for three months at no charge (our rules normally allow one) and waived the fee. Then I sent a small bunch of flowers to her husband's ward with a card from the team.",
            Outcome = "Mrs Delgado kept her contract and her discount. Her husband came home six weeks later and the contract restarted when she was ready.",
            Teams = [Support], Values = [ListenedFirst, RuleBent],
            Spend = new(30.00m, "USD", "Flowers delivered to the customer's husband on his hospital ward"),
            Quotes =
            [
                new("When the flowers arrived my husband asked who they were from. I told him: the people who service our boiler. He laughed for the first time in a week.",
                    QuoteSource.Letter, CustomerNaming.FullName, "Rosa Delgado", DaysAfter: 8),
            ],
        },
        new()
        {
            Author = "noah", DaysAgo = 165, EndsAs = StoryStatus.Published,
            Title = "The bakery's tills were back before the doors opened",
            Situation = "At 5:30 on a Saturday, Marta, who runs a two-shop bakery, called our out-of-hours line: neither of her tills would start, and she opens at 6:30 to a queue of regulars. Without the tills she could not take cards, and most of her customers no longer carry cash.",
            ImmediateAction = "I logged in remotely and found that the certificate the tills use to reach our payment service had expired overnight. Renewing it properly needed a change approval I could not get at that hour, so I switched both tills to offline mode, which stores card payments and sends them once the link is back, and talked Marta through a restart. Both tills were taking payments at 6:10. At 9:00 I renewed the certificate through the normal change process and the stored payments went through.",
            Prevention = "Morgan and I put every till certificate into our monitoring with an alert 30 days before expiry, and renewed 41 other shops' certificates that would have run out within three months.",
            Outcome = "The bakery opened on time and lost no sales. Forty-one other shops never had the same morning.",
            Teams = [It], Values = [WorkaroundFirst, FixedForGood],
            Quotes =
            [
                new("I had the first tray of croissants out and thought the day was lost. Twenty minutes later the tills were beeping. Thank you, Noah.",
                    QuoteSource.PhoneCall, CustomerNaming.FullName, "Marta Kowalczyk"),
                new("Saturday-morning support that actually answers and actually fixes it. Rare.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "lukas", DaysAgo = 150, EndsAs = StoryStatus.Published,
            Title = "Fixed the neighbour's stuck garage door while the part was on its way",
            Situation = "I was at a customer's house replacing a water heater valve and had 40 minutes to wait for the right part to arrive by courier. Next door, an elderly neighbour was trying to get her car out for a hospital appointment, but her electric garage door had jammed half-open. She is not our customer and garage doors are not something we service.",
            ImmediateAction = "I asked if she would like me to take a look. The door's safety sensor had been knocked out of line and was covered in cobwebs. I cleaned and realigned it, and the door opened and closed normally. Ten minutes, no parts.",
            Outcome = "She made her appointment on time. Two weeks later she called to ask for a quote for servicing her boiler, and she is now a customer.",
            Teams = [Field], Values = [RuleBent],
            Quotes =
            [
                new("You are not even my engineer! Thank you, I would have missed my scan.",
                    QuoteSource.InPerson, CustomerNaming.FirstNameOnly, "Adaeze"),
            ],
        },
        new()
        {
            Author = "ravi", DaysAgo = 140, EndsAs = StoryStatus.Published, WrittenAfterDays = 3,
            Title = "A hotel room for a driver stuck 300 miles from home",
            Situation = "Alan Whitmore, 74, broke down on his way to his granddaughter's graduation. Grace found a cracked radiator that needed a part the local garage could only get the next morning. His cover included recovery home, which would have meant five hours in a truck cab and missing the graduation entirely.",
            ImmediateAction = "Grace called me from the roadside. I booked Mr Whitmore a hotel room a short walk from the garage and paid for it from my care budget, while Grace towed the car to the garage and dropped him at the hotel. I then called the garage and asked them to do his repair first thing.",
            Outcome = "The car was ready at 10:00 the next morning and Mr Whitmore arrived at the graduation with half an hour to spare.",
            Heroes = ["ravi", "grace"], Teams = [Support, Field], Values = [OwnedIt, RuleBent],
            Spend = new(120.00m, "GBP", "One night in a hotel near the garage for the driver"),
            Quotes =
            [
                new("I saw my granddaughter graduate. I would not have, if your two had simply done it by the book.",
                    QuoteSource.Email, CustomerNaming.FullName, "Alan Whitmore", DaysAfter: 2),
                new("Above and beyond, from the driver to the lady on the phone.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 3),
            ],
        },
        new()
        {
            Author = "fatima", DaysAgo = 132, EndsAs = StoryStatus.Published, WrittenAfterDays = 5,
            Title = "Jamie stayed on the line for 70 minutes with Mr Albrecht",
            Situation = "Walter Albrecht is 87 and lives alone. He called because his new heating controller showed a message he could not read, the flat was getting cold, and his daughter was away and not answering. He was confused and worried, and kept apologising for taking up our time.",
            ImmediateAction = "Jamie did not rush him, and did not book a visit and hang up. Jamie stayed on the line while Mr Albrecht found his reading glasses, then walked him button by button through setting the controller back to its normal programme, and waited until he could feel the radiator getting warm. That evening Jamie called him back to check.",
            Outcome = "The flat was warm by the afternoon. Jamie offered a large-display controller, which Mr Albrecht accepted, and his daughter now has a shared login so she can check the settings from anywhere.",
            Heroes = ["employee"], Teams = [Support], Values = [ListenedFirst, OwnedIt],
            Quotes =
            [
                new("The young person on the telephone was patient with an old man who could not find his glasses. I write to say thank you, because nobody has been so kind to me on a telephone for a long time.",
                    QuoteSource.Letter, CustomerNaming.FullName, "Walter Albrecht", DaysAfter: 5),
                new("My father talked about that call all week. Thank you for treating him like a person and not a ticket.",
                    QuoteSource.PhoneCall, CustomerNaming.FirstNameOnly, "Sabine", DaysAfter: 4),
            ],
        },
        new()
        {
            Author = "fatima", DaysAgo = 120, EndsAs = StoryStatus.Published, WrittenAfterDays = 2,
            Title = "A payment plan so a widow did not have to think about the bill",
            Situation = "Margaret called to close her late husband's account. He had died three weeks earlier, the account was in his name only, and it showed an overdue balance of GBP 412 with a late-payment fee on top. She had already been on hold with four other companies that morning and was exhausted.",
            ImmediateAction = "I took the details once and promised she would not have to repeat them to anyone. I asked Mei in Billing to stop the reminders that same hour. Mei waived the late fee, moved the account into Margaret's name without asking up front for the paperwork we normally require, and set up a six-month payment plan with no interest, starting after the funeral.",
            Prevention = "Billing now has a bereavement flag: it pauses all reminders for 60 days and routes the account to one named person in Billing, so a grieving family deals with a single person from start to finish.",
            Outcome = "Margaret had one call, one contact and no more letters. She paid the balance within five months and wrote to thank us both.",
            Heroes = ["fatima", "mei"], Teams = [Support, Billing], Values = [ListenedFirst, RuleBent, CrossTeam],
            Quotes =
            [
                new("You were the only company that did not make me say \"he died\" more than once. I will not forget it.",
                    QuoteSource.Letter, CustomerNaming.FirstNameOnly, "Margaret", DaysAfter: 2),
                new("Kind, quick and human.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "mei", DaysAgo = 110, EndsAs = StoryStatus.Published,
            Title = "Large-print bills for a customer with low vision",
            Situation = "Ahmed, who has macular degeneration, had missed two payments because he could not read our bills, and had just been sent a final reminder. His son called to complain that the reminder was in even smaller print than the bill.",
            ImmediateAction = "I cancelled the reminder and the late fees, printed his last three bills in 18-point type and posted them that afternoon with a covering letter in large print. Then I called Ahmed and went through the amounts with him.",
            Prevention = "Our billing system already had a large-print template that nobody had switched on. I enabled it and made it a choice in the customer's preferences, so Support can switch it on during a call.",
            Outcome = "Ahmed has paid every bill on time since, and 23 other customers asked for large print in the first month.",
            Teams = [Billing], Values = [ListenedFirst, FixedForGood],
            Quotes =
            [
                new("I can read my own bill again. It sounds small. It is not small.",
                    QuoteSource.PhoneCall, CustomerNaming.FirstNameOnly, "Ahmed", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "ravi", DaysAgo = 105, EndsAs = StoryStatus.Published, WrittenAfterDays = 4,
            Title = "A safety notice translated into French for Madame Marchand",
            Situation = "Odile Marchand, who moved here to live near her son, received our safety recall letter about the power lead on her dehumidifier. She speaks little English, could not tell whether the letter was urgent, and called in afraid she might be in danger. Our interpreting service covers calls, not letters.",
            ImmediateAction = "I remembered that Inès in Logistics is a native French speaker. She joined the call, explained the notice in French and told Madame Marchand to unplug the unit until the new lead arrived. Inès then wrote a short French version of the letter, and I posted it with the replacement lead by priority delivery that afternoon.",
            Prevention = "We now record a customer's preferred language on the account, and safety notices go out in that language. Inès and I also gathered a list of 14 colleagues happy to help in nine languages.",
            Outcome = "Madame Marchand had the replacement lead two days later and fitted it with her son. She now calls in and asks for \"Ravi and the French lady\".",
            Heroes = ["ravi", "ines"], Teams = [Support, Warehouse], Values = [CrossTeam, ListenedFirst],
            Quotes =
            [
                new("Merci infiniment. For the first time since I arrived, a letter from a company did not frighten me.",
                    QuoteSource.Letter, CustomerNaming.FullName, "Odile Marchand", DaysAfter: 4),
                new("My mother was so relieved someone explained it in French. Thank you for taking the time.",
                    QuoteSource.PhoneCall, CustomerNaming.Anonymous, DaysAfter: 2),
            ],
        },
        new()
        {
            Author = "fatima", DaysAgo = 95, EndsAs = StoryStatus.Published,
            Title = "A wheelchair-accessible rebooking, checked before she set off",
            Situation = "Daniel called to confirm his mother's appointment at our Northgate service centre to have her personal alarm pendant replaced. I noticed a note that the Northgate lift was out of service all week. His mother uses a wheelchair, and the booking system had not flagged it.",
            ImmediateAction = "I moved the appointment to our Eastgate centre on the same day, rang Eastgate to check the entrance, the lift and a lowered counter, and booked an accessible taxi. Eastgate is further away, so I paid the difference in fare from my care budget.",
            Prevention = "Bookings now ask about access needs, and a lift outage at a centre blocks those appointments in the booking system until it is fixed.",
            Outcome = "Daniel's mother had her pendant replaced as planned, without stairs and without waiting in front of a broken lift.",
            Teams = [Support], Values = [ListenedFirst, FixedForGood],
            Spend = new(28.00m, "GBP", "Difference in fare for an accessible taxi to the other service centre"),
            Quotes =
            [
                new("You noticed something none of us would have noticed until we were at the bottom of the stairs. Thank you for thinking of her.",
                    QuoteSource.Email, CustomerNaming.FirstNameOnly, "Daniel", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "ines", DaysAgo = 88, EndsAs = StoryStatus.Published, WrittenAfterDays = 2,
            Title = "A lost parcel traced across three depots in one afternoon",
            Situation = "Tobias Brenner runs a small dental practice and was waiting for a replacement compressor valve that our tracking had shown as \"in transit\" for four days. Without it he could see only half his patients. The carrier's answer was a claim that would take ten working days.",
            ImmediateAction = "I pulled the scan records from all three depots on the route and found the parcel had been scanned into the central hub and never out. Oliver walked the hub's cross-dock with the photo from our packing camera and found it on a returns pallet that had been wrongly labelled. He relabelled it and put it on the next van, and I booked a same-day courier for the last leg.",
            Prevention = "The gap was at the trailer handover, where parcels were not scanned. There is now a scan at every trailer door, and any parcel that has been \"in\" for more than 12 hours without an \"out\" alerts the depot team.",
            Outcome = "The valve reached the practice at 17:30 that day; it was fitted that evening and the practice saw a full list of patients the next morning.",
            Heroes = ["ines", "oliver"], Teams = [Warehouse], Values = [OwnedIt, FixedForGood],
            Spend = new(48.50m, "EUR", "Same-day courier from the hub to the dental practice"),
            Quotes =
            [
                new("Four days of \"in transit\", then one afternoon with your team and it was on my desk. Please thank the people who went looking.",
                    QuoteSource.Email, CustomerNaming.FullName, "Tobias Brenner"),
                new("Someone actually went and looked for it. That almost never happens.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 2),
            ],
        },
        new()
        {
            Author = "noah", DaysAgo = 71, EndsAs = StoryStatus.Published,
            Title = "Morgan put a working workaround in front of customers 12 minutes into the outage",
            Situation = "At 10:05 on a weekday our customer portal stopped accepting sign-ins after a certificate change at our identity provider. Thousands of customers could not see their bills, book visits or report faults, and the Support queue grew by 300 calls in the first quarter of an hour.",
            ImmediateAction = "While the rest of us were still reading logs, Morgan noticed that the mobile app signs in by a different route that was not affected. Within 12 minutes there was a banner on the portal and the status page pointing customers to the app, with a link to a guest fault-report form, and Support had a two-sentence script to read out. Morgan then worked with the provider to roll back the change; sign-ins were back at 11:20.",
            Prevention = "Identity provider changes now go through our staging portal first, and the banner and guest fault form are part of a ready-made outage playbook.",
            Outcome = "Customers could report faults within minutes of the outage starting. The call queue halved within 20 minutes of the banner going up, and the whole outage was over in 75 minutes.",
            Heroes = ["admin"], Teams = [It], Values = [WorkaroundFirst, FixedForGood],
            Quotes =
            [
                new("Portal is down but they have put up a banner saying use the app, and the app works. Honest and useful, nice one.",
                    QuoteSource.SocialPost, CustomerNaming.Anonymous),
                new("I reported my fault through the guest form in two minutes while your website was down. Well handled.",
                    QuoteSource.Email, CustomerNaming.FirstNameOnly, "Leon"),
            ],
        },
        new()
        {
            Author = "ravi", DaysAgo = 70, EndsAs = StoryStatus.Published,
            Title = "Dana took calls on the outage day, and a care home got a call back from the top",
            Situation = "On the day of the portal outage the Support queue reached 340 waiting calls. A care home manager rang for the third time: a nurse-call panel had failed on one of her corridors and she had not been able to get through to anyone.",
            ImmediateAction = "Dana came down to the support floor, put on a headset and took calls alongside us all afternoon. When the care home got through to me, I logged the nurse-call fault as an emergency and Dana phoned Elena directly; a technician was on the way within the hour. That evening Dana called the care home manager herself to apologise for the wait.",
            Outcome = "The nurse-call panel was working again by 17:00. The care home manager told us no head of a company had ever called her back in person before.",
            Heroes = ["ravi", "leader"], Teams = [Support], Values = [OwnedIt, CrossTeam],
            Quotes =
            [
                new("I was ready to shout, and instead I got an apology and a technician. Thank you.",
                    QuoteSource.PhoneCall, CustomerNaming.FullName, "Rosemary Adeyemi"),
            ],
        },
        new()
        {
            Author = "lukas", DaysAgo = 60, EndsAs = StoryStatus.Published,
            Title = "Elena drove out on a Sunday with the part herself",
            Situation = "A family-run guest house lost its hot water on a fully booked Sunday: twelve guests and a failed circulation pump. I had diagnosed it, but the only pump in stock was at the depot, and nobody was on shift to bring it.",
            ImmediateAction = "I called Elena to ask her to approve a courier. Instead she asked Oliver to meet her at the depot, collected the pump and drove it 50 km to the guest house herself, so I could stay on site and drain the system ready for the swap.",
            Prevention = "Each weekend technician now carries a circulation pump on the van, and the weekend rota includes a warehouse contact.",
            Outcome = "Hot water was back by 14:00. The owners gave every guest a free breakfast and nobody checked out early.",
            Heroes = ["elena", "oliver"], Teams = [Field, Warehouse], Values = [OwnedIt, CrossTeam],
            Quotes =
            [
                new("Your manager turned up in her own car with the part. I have never seen that from any company.",
                    QuoteSource.InPerson, CustomerNaming.FullName, "Gwen Pryce"),
                new("Problem fixed on a Sunday. Very grateful.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "ravi", DaysAgo = 55, EndsAs = StoryStatus.Published,
            Title = "Jamie and Mei turned a charity's 14 invoices into one page",
            Situation = "The volunteer treasurer of a local food bank called, overwhelmed: they had 14 separate invoices for their cold room and van equipment, some credits and some duplicates, and their funder needed a single statement by Friday to release a grant.",
            ImmediateAction = "Jamie took the call and asked Mei to join. Together they went through every invoice with the treasurer on a screen share, applied two credits the charity was owed, and Mei produced one statement on letterhead with a clear balance, sent the same afternoon.",
            Prevention = "Mei merged the charity's three accounts into one, so they now receive a single monthly invoice.",
            Outcome = "The funder released the grant on time, and the charity turned out to be owed EUR 180, which was refunded.",
            Heroes = ["employee", "mei"], Teams = [Support, Billing], Values = [CrossTeam, ListenedFirst],
            Quotes =
            [
                new("I am a retired teacher who does this on Tuesdays. You made me look like an accountant. Thank you both.",
                    QuoteSource.Email, CustomerNaming.FullName, "Helen Baptiste", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "admin", DaysAgo = 45, EndsAs = StoryStatus.Published,
            Title = "Support's phones rerouted to mobiles within 15 minutes of the exchange failing",
            Situation = "At 9:10 on a Monday, the busiest hour of the week, our phone provider's exchange failed. Customers calling Support heard a dead tone; nobody could get through to report faults or emergencies.",
            ImmediateAction = "Noah and I set up call forwarding at the carrier that sent our main number to a hunt group of Support colleagues' work mobiles, and put a notice on the website and status page. Support were taking calls again at 9:25. We also pointed the emergency line straight at the on-call technicians.",
            Prevention = "A second carrier is now on standby for the main number; we have tested the switch-over and it takes under two minutes. The mobile hunt group is checked every month.",
            Outcome = "Calls were missed for 15 minutes instead of the three hours the provider took to repair the exchange, and no emergency call went unanswered.",
            Heroes = ["admin", "noah"], Teams = [It], Values = [WorkaroundFirst, FixedForGood],
            Quotes =
            [
                new("Got through to a real person on the day your phones were down. Impressed.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "grace", DaysAgo = 38, EndsAs = StoryStatus.Published,
            SendBackComment = "Lovely story, Grace. Did anything change in dispatch afterwards, so the next customer who cannot take calls is not put on hold? If so, add it under prevention; that is the part other teams can learn from.",
            Title = "Texted a deaf driver every ten minutes until help arrived",
            Situation = "Jonas, who is deaf, broke down at night on a country road and asked for help through our text service. Our process then phones the customer to confirm the location and arrival time, which he could not answer. Dispatch showed \"customer not reachable\" and was about to put the job on hold.",
            ImmediateAction = "I saw the note on the request and took the job. I texted Jonas from my work phone every ten minutes with where I was and how long I would be, plus a photo of my truck so he would know it was us. When I arrived I wrote everything down on my notepad while I fixed a loose battery terminal.",
            Prevention = "I asked for a \"contact by text only\" option on the account. Dispatch no longer puts jobs on hold as unreachable when it is set, and the driver gets the customer's number for texting.",
            Outcome = "Jonas was on his way 50 minutes after his first message, and knew where help was the whole time.",
            Teams = [Field], Values = [ListenedFirst, FixedForGood],
            Quotes =
            [
                new("Every other time, I have had to ask a stranger to phone for me. This time I did not have to. Thank you.",
                    QuoteSource.Email, CustomerNaming.FirstNameOnly, "Jonas", DaysAfter: 1),
            ],
        },
        new()
        {
            Author = "noah", DaysAgo = 30, EndsAs = StoryStatus.Published,
            Title = "Unlocked a pharmacy's account eight minutes before the order cut-off",
            Situation = "Beatriz, who owns a pharmacy, was locked out of our customer portal after changing phones: her sign-in codes still went to the old one. She had to confirm a repair order for her prescription fridge before the 14:00 cut-off, and it was 13:40. Our standard reset takes 24 hours for security reasons.",
            ImmediateAction = "I checked her identity by calling her back on the number we had on record and going through two recent invoices with her, then reset her two-step sign-in with my manager's approval and stayed on the line while she signed in. She confirmed the order at 13:52.",
            Prevention = "I wrote up a faster recovery route that is still secure, a call-back to the number on record with a posted code as back-up. The security team approved it and Support can now use it.",
            Outcome = "The fridge repair was booked for the next morning and no medicines had to be thrown away.",
            Teams = [It], Values = [WorkaroundFirst, RuleBent],
            Quotes =
            [
                new("Eight minutes to spare. You saved a fridge full of insulin.",
                    QuoteSource.Email, CustomerNaming.FullName, "Beatriz Santos"),
                new("Secure and fast. I did not think you could have both.",
                    QuoteSource.Survey, CustomerNaming.Anonymous, DaysAfter: 1),
            ],
        },
    ];
}
