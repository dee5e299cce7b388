package app.talkingstick.conduct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression examples written for this package (not the measurement corpus): crisis wordings that must raise a
 * signal and everyday support-group talk, often using the same words, that must not.
 */
class CrisisPhrasingTest {

    private static final String CRISIS = """
            I've been looking up how many storeys you need to fall from.
            i just want everything to go quiet forever
            I'm going to walk into the sea tonight
            I can't see myself being alive at Christmas
            There's a bridge on my way home and I keep slowing down on it.
            I've decided. Sunday is when I'll do it.
            My family will be fine without me, they'll get over it.
            I keep thinking everyone's life would be easier if I just wasn't in it
            I don't see a future for me anymore
            I'm so done. I just want to sleep and never wake up.
            Thinking about ending my life a lot lately
            I have the pills and the note, I just need to be brave enough
            I just want to not exist
            ive been thinking about suicide every day this week
            Please look after my cat if anything happens to me
            this will be my last post here, thank you for everything
            i wish i could go to sleep and just not wake up
            I keep standing at the edge of the platform when the trains come in
            I'm going to hang myself in the garage
            I don't think I'll make it to the next session
            What's the point of anything. I'm a burden to everyone.
            no one would care if i died
            I want to die
            I'm ready to go. I've made my peace.
            I've been stockpiling my antidepressants
            I burned my arm with a lighter last night
            I scratched my wrists until they bled
            I want to cut so badly right now
            i relapsed and cut myself after 200 days clean
            I've been hitting myself when no one is around
            The cuts on my legs are infected and I'm scared to see a doctor
            I'm sitting in the bathroom with a razor
            I carved his name into my arm
            I keep hurting myself and I can't stop
            I'm going to kill my stepdad when he gets home
            I swear I'll stab him if he touches her again
            I've got a knife in my bag for when I see him
            I want to hurt my ex so badly, I've been planning it
            i'm scared i'll hurt my baby, i keep imagining shaking her
            He's going to pay for what he did. I know where he works.
            I'm going to run my ex's new boyfriend over
            I want them all dead, everyone at that office
            If my landlord comes round again I'm going to batter him
            I just took 30 paracetamol
            I've swallowed everything in my medicine cabinet
            I'm going to take all my pills tonight
            how much sertraline would kill someone my size
            I took a whole box of sleeping tablets an hour ago
            I'm saving my tramadol for the right moment
            popped a load of my mum's diazepam and drank half a bottle of wine
            I've taken more insulin than I should on purpose
            I'm drunk again, first time in 2 years
            I've got a bottle of vodka in my bag and I'm going to drink it in the park
            Called my old dealer tonight, he's on his way
            I'm about to use, I can't do this anymore
            Relapsed on heroin last night and I'm still out of it
            I've been drinking since 8 this morning
            I'm in the car park of the liquor store trying to decide
            I bought a bottle of wine and I'm going to drink it all
            I've got a bag of coke in my pocket and I'm going to do it
            two years clean and I just scored
            Everyone keeps telling me it gets better but I've got a plan and I'm sticking to it this weekend.
            I don't want to wake up tomorrow.
            I've started giving my things away to friends.
            I'm going to jump off the car park roof after work.
            my mum would be better off without me honestly
            i want to end my life
            I've been cutting again, the last three nights.
            I hurt myself on purpose last night.
            i keep punching myself in the head when i get like this
            I'm going to smash his head in when I see him.
            I want to strangle my sister, I'm going round now.
            I've been hiding pills in my sock for weeks.
            I just drank a bottle of wine after 3 years sober
            I'm going to drink tonight and I don't care who knows
            I've got the needle in my hand
            Bought heroin today. Haven't used it yet.
            I can't stop thinking about killing myself.
            I feel like I'm going to do something stupid tonight.
            there's no way out of this except dying
            I took 16 of my sleeping tablets to see what would happen.
            I think about stabbing my boss every day and today I brought a knife to work.
            im so close to using again, my dealer keeps texting and i think im going to answer
            I'm a waste of space and I should just end it.
            if one more thing goes wrong im done, i mean really done, permanently
            I hope I don't wake up tomorrow.
            I've rehomed my cat and written to my sister. I'm ready.
            I've paid off my debts so nobody has to deal with them after.
            I'm going to walk into the river tonight.
            I'd welcome death at this point.
            I'm so tired. I give up.
            I know exactly how I'd do it.
            Three drinks in and I'm ordering another bottle.
            Lost my sober date tonight. I don't even care.
            He deserves to die for what he did and I'm going to make sure he does.
            I've been sharpening a knife and waiting for him outside his work.
            I've got 40 tramadol lined up on my bed.
            I've got enough pills to do it now.
            I've been sorting out all my paperwork so my brother won't have to.
            i think everyone would cope fine if i wasnt around anymore
            Bought a hosepipe today. You can probably guess why.
            I keep driving past the quarry and thinking how easy it would be.
            I don't think I'm going to be here for Christmas.
            It'll be over soon, I promise, then I won't be anyone's problem.
            I'm not planning on being around much longer.
            I've stopped taking my meds, what's the point when I won't be here next month.
            Honestly I'd rather be dead than go through another year like this.
            ive been researching how long it takes to drown
            i want to go to sleep forever
            The voices are telling me to end it and I think they're right.
            Tonight I'm going to finally do it. I've got everything ready.
            I'm sat in the car with the engine running in the garage.
            My kids will be better off with their dad. I've made my choice.
            Can't see the point in waking up anymore.
            I'm so close to ending it all.
            I tried to hang myself last night but the rope snapped.
            I overdosed on Sunday and no one knows.
            If he shows up at my door I'm going to stab him, I mean it.
            I'm going to find him and make him suffer like I did.
            I keep having thoughts about hurting my baby and I'm scared I'll do it.
            I'm going to the pub now to get drunk, screw it.
            Been on a three day bender and can't stop.
            I've bought vodka and I'm going to drink the lot tonight.
            Relapsed. 14 months gone. I want to keep going till I black out.
            just did my first line in a year
            I'm back on the heroin and I don't care anymore.
            I've taken all my antidepressants at once.
            Going to take the whole packet of co-codamol tonight.
            I cut so deep I think I need stitches.
            I've been burning myself with cigarettes again.
            my arms are covered in fresh cuts and i want to do more
            my sister can have my flat, ive told her where the key is for after
            I keep looking at the train times for the fast ones that don't stop here.
            Nothing's going to change so I'm going to stop it myself.
            i've put everything in order. the kids will be ok.
            This time next week I won't be a problem for anyone.
            I don't want to do this life thing anymore.
            I've been stood on the bridge for an hour.
            Wrote a letter to each of my kids tonight. They'll understand one day.
            i'm leaving tonight and i won't be coming back. please dont look for me.
            Everyone's so much happier when I'm not there, so I'm going to make it permanent.
            I've bought enough rope.
            I've got the bottle of pills and a bottle of whisky. Tonight's the night.
            Thinking I might just not come home tonight. Ever.
            I want to go to sleep and stay asleep.
            It's so hard to keep breathing. I just want to stop.
            I'm going to end up killing myself if this carries on.
            I cut myself in the shower again and it won't stop.
            I've been scratching my arms raw with my nails so I can feel something.
            I keep slamming my head against the wall till it goes quiet.
            I took the blade from the pencil sharpener.
            There's blood on my sheets again.
            I'm going to make her regret ever leaving me.
            he'll be sorry when I'm done with him
            I've got petrol in the car and I know where they live.
            Next time he touches my kid I'm going to kill him. I'm not joking.
            I dream about hurting my ex and I'm starting to plan it.
            I've started carrying a knife because I'm going to use it on him.
            My neighbour's dog won't stop and I'm going to poison it and then him.
            How many paracetamol is too many? Asking because I've got two boxes.
            I swallowed the whole strip of my zopiclone.
            I've been taking extra of my pain meds every day, hoping it'll be enough.
            Took a load of pills earlier, feeling really weird now.
            I'm keeping all my lithium for when I'm ready.
            Bought loads of painkillers from 3 different supermarkets.
            I'm five beers deep and it's only lunchtime.
            Sitting in the pub car park. Engine off. Can't decide.
            I'm using right now and I'm frightened.
            Picked up a bottle on the way home, it's half gone.
            After 6 years clean I'm injecting again.
            I relapsed this morning and I don't want to stop.
            I've had a whole bottle of wine and now I want vodka.
            Texted my old plug. He's coming round at 10.
            You won't have to put up with me much longer.
            Does anyone know how long it takes for a body to be found?
            I've been practising tying knots.
            I keep thinking how peaceful it would be to just stop.
            My wife will get the life insurance, that's something at least.
            This is the last you'll hear from me.
            Logging off for good. Take care of yourselves.
            It's been nice knowing you all.
            I've had enough. Enough is enough.
            Soon it won't hurt anymore.
            I'll be with Dad soon.
            I've deleted all my accounts and emptied my bank account to my sister.
            Sorry to leave like this.
            I'm going for a long walk tomorrow and I won't be coming back.
            If he comes near her again he's dead.
            He's a dead man.
            Someone's going to get hurt tonight and it won't be me.
            I'll make sure she never walks again.
            I'll be waiting for him when he gets out.
            I could end him and I wouldn't feel a thing.
            I'll break every bone in his body.
            They'll be carrying him out in a bag.
            I've got a bottle hidden in the shed and I've been at it since lunch.
            Drinking in secret again, vodka in a water bottle.
            I'm off my head right now.
            The craving won. I caved and bought wine.
            Couldn't stop at one, I'm on my fourth.
            Day two of a binge and I can't stop.
            """;

    private static final String BENIGN = """
            I used to cut myself as a teenager, now I help others at a youth group.
            My brother died by suicide in 2015 and I still miss him.
            Our group did a training on overdose awareness last week.
            I'm not going to hurt myself, I promise, I just needed to vent.
            This heat is killing me.
            I could kill for a cup of tea right now.
            I nearly died laughing at that video.
            My sponsor called me today and I'm so grateful.
            I'm dying to get out of the house this weekend.
            The doctor asked whether I ever have thoughts of harming myself and I said no.
            I cut out sugar and feel great.
            I took my meds on time every day this week!
            Picked up my prescription from the chemist.
            I hit my head on the cupboard door, ouch.
            Been 3 years since my last drink.
            I had a craving tonight but I rang my sponsor and it passed.
            We talked about suicide warning signs in the carers group.
            Watching a documentary about addiction.
            My son overdosed last year and I'm learning to live with it.
            I'm going to kill it at the gym tomorrow.
            Honestly I want to disappear for a week somewhere sunny.
            I'm done with this week, roll on Friday.
            I need a drink of water.
            The rope swing at the park was so much fun with the kids.
            I'm saving up for a holiday.
            I counted my pills into the weekly organiser.
            I'm at the pub with friends but sticking to lemonade.
            Two months ago I was in hospital after an overdose, now I'm back at work.
            I'm scared of relapsing but I have a plan with my sponsor.
            I hurt my back lifting boxes.
            Said goodbye to my old flat today, onwards and upwards!
            My last birthday was rough but this one was lovely.
            I wrote a letter to my younger self.
            Ending things with my boyfriend was the right decision.
            Nobody would notice if I skipped the meeting, right?
            I'm dead tired today.
            I gave my old clothes to the charity shop.
            I've given up drinking for good.
            the pain in my knee is gone for good after physio
            Burnt the toast again, classic me.
            I take 2 tablets every morning.
            I want to end this cycle of self-criticism.
            He's done so much for me.
            I want to kill the voice in my head that says I'm not enough.
            I'd never hurt myself, but I do get really low sometimes.
            I was suicidal in my twenties. I'm 45 now and life is good.
            My counsellor asked me if I'd had any thoughts of ending my life. I said no, honestly.
            We watched a film about a guy who overdoses, it was hard to watch.
            My dad drank himself to death when I was a kid.
            Honestly the kids are going to be the death of me this summer.
            Killing it at work lately, feeling proud.
            I can't wait to see you all next week.
            I cut my finger chopping onions and bled everywhere lol.
            I've been sober 200 days and I'm so proud.
            I don't drink anymore, haven't for years.
            The pharmacist said I can't take ibuprofen with my other meds.
            I'm stockpiling snacks for movie night.
            I'm so done with people who don't indicate on roundabouts.
            It's the end of an era, my daughter moves out tomorrow.
            I'm taking a break from social media for good.
            He said he wants to kill himself but he's getting help now and I'm supporting him.
            My friend relapsed last month and I'm worried about her.
            I burnt myself on the kettle this morning, ouch.
            Got a new razor for shaving my legs.
            I told my therapist about the urges and we made a safety plan together.
            I used to drink a bottle of vodka a day. Now it's tea.
            Last Christmas I was in rehab. This Christmas I'm hosting.
            I'm exhausted, I could sleep for a week.
            The nurse checked my scars and said they're healing well.
            I'm taking all my meds as prescribed and feeling steadier.
            I want to disappear under a blanket and watch films all day.
            My brother's new job is killing him, he works 60 hours a week.
            I'm going to murder this essay tonight.
            Dying for a cup of tea after that session.
            Someone in my old group died of an overdose, I think about her often.
            Ugh, my ex is such a pain. I'd love to never see him again.
            I dealt with my anger by going for a run instead of punching a wall.
            My therapist says my thoughts about hurting myself are intrusive and I won't act on them.
            Finished the whole bottle of kombucha, so good.
            Had a few drinks at the wedding, no problems, I'm not in recovery for alcohol.
            I'm in a much better place than last year when I wanted to die.
            Having a low day. Going to bed early.
            Some days I just want to give up, but I don't.
            My dog died last week and I'm heartbroken.
            Counting down the days until my holiday!
            I'm ready to go back to work next month.
            I have the pills my GP gave me for sleep, they help.
            I'm so tired today, gave up on the laundry lol
            I messed up my presentation again.
            I slipped on the ice again this morning.
            Three drinks in the fridge for the party, all alcohol-free.
            I saw my nan one last time before she passed, and I'm glad I did.
            For the last time, I'm not going back to that job!
            Before I go, does anyone have the link for next week?
            I hope I get the job.
            I wish I'd taken the job in Leeds.
            My grandad's death was peaceful, he was 94.
            It's time for me to go, see you all next week.
            I know how to use my safety plan now.
            I asked my GP for the most painless way to come off venlafaxine.
            I'm so high on life after my results.
            I was stoned every day in my twenties, now 8 years clean.
            I'm tired. Long week. Early night for me.
            I give up on trying to understand my tax return!
            I've been having dark thoughts but I'm keeping myself safe and I've told my GP.
            I think about my mum's death a lot, it's been a hard year.
            Cancelled my plans tonight so I can rest.
            I paid off my credit card this month, so proud!
            Rehomed my dog because my new flat doesn't allow pets, heartbreaking.
            My counsellor says I'm not a burden and I'm starting to believe her.
            We talked about what we'd want at our funerals in grief group, weirdly comforting.
            The tablets are working, I feel less like I want to disappear.
            Sometimes I wish I could disappear into a book.
            My partner said she'd kill me if I forgot the milk again.
            I'm dying for the weekend.
            I've been sober for 18 months and tonight I'm celebrating with cake.
            My sponsor says one day at a time, and it's working.
            I had a relapse in 2019 but I've been clean since.
            I'm going to drink lots of water and go to bed.
            The dealer on my old street got arrested, good riddance.
            I nearly gave in at the party but I called my sponsor instead.
            I've been clean from cutting for a year today!
            I used to think everyone would be better off without me. Not anymore.
            I'm not going to drink tonight, I've got my meeting.
            When I was using I'd have done anything for a hit.
            Feeling hopeful. Not there yet, but getting there.
            My daughter asked if I'd ever wanted to die and we had a really honest talk.
            I want to hurt less, that's all.
            I'm angry at him but I'd never do anything.
            I could cheerfully throttle the bus driver this morning lol.
            I know where he lives but I'm not going to do anything, I just want him to leave me alone.
            My ex says he's going to make me pay for the house.
            Took a whole packet of biscuits to work and they were gone by lunch.
            I'm stocking up on paracetamol for flu season.
            I'm scared I'll relapse when my dad visits, so I'm planning extra meetings.
            The urge to drink was awful yesterday but I got through it.
            I've been sorting out my paperwork for the tax return.
            My brother won't be around for Christmas this year, he's working abroad.
            I stopped taking my meds once and it was a disaster, never again.
            Just wanted to thank you all for last week, it really helped.
            I'd rather be dead tired than bored, honestly.
            The engine light came on in the car again, great.
            My kids will be better off with a calmer me, so I'm working on it.
            I'm so close to finishing my course!
            The rope course at the team day was terrifying but fun.
            He shows up at my door unannounced and it drives me mad.
            I'm going to find a new therapist, this one isn't right for me.
            I keep having thoughts about my baby growing up so fast.
            Went to the pub quiz, had lemonade, we came second!
            I did my first 5k in a year today.
            I'm back on the antidepressants and feeling better.
            My doctor told me never to take all my antidepressants at once, obviously.
            Going to take the whole weekend off.
            I cut back on caffeine and my sleep improved.
            I used to burn myself, it's been 4 years now.
            My arms are covered in mosquito bites from camping.
            I feel like nobody would notice if I stopped posting here.
            End of an era, last day at my old job!
            We said our goodbyes to grandma at the funeral, it was beautiful.
            I'm tired of fighting with the council about my housing.
            I give up on dating apps lol
            I need to end things with my toxic friend.
            I keep picturing the moment I get my chip.
            Can't stop thinking about the weekend!
            I'm ready for bed.
            Been looking up how to make sourdough.
            I know exactly how I'd decorate my dream house.
            My sister has a key to my flat for emergencies.
            I keep looking at train times for my trip to see Mum.
            I stopped smoking myself without patches!
            I've put everything in order for the move next week.
            This time next week I'll be on holiday!
            I don't want to do this job forever.
            We stood on the bridge and watched the sunset.
            Wrote a letter to my kids' school about the bullying.
            I'm leaving tonight for a week in Cornwall.
            Everyone's happier when the sun is out.
            I've bought some rope for the tent.
            I've got a bottle of water and my pills for the trip.
            I might not come tonight, I'm feeling rough.
            Can someone tell me where the meeting link is?
            I want to go to sleep earlier, any tips?
            Breathing exercises have really helped me this month.
            I'm going to end up eating the whole cake if I'm not careful.
            My shower is broken again.
            I scratched my arm on a bramble while gardening.
            I used to bang my head against the wall as a teen, now I use my breathing.
            I sharpened my pencils for the art class.
            There's blood test results back and they're all fine.
            I punish myself with overthinking, my therapist says.
            She'll regret leaving the group, it's so good.
            He'll be sorry he missed tonight's session.
            I've got petrol in the car for the trip tomorrow.
            Next time I see my kid's teacher I'm going to ask about extra help.
            I dream about running my own bakery someday.
            I started carrying a water bottle everywhere.
            My neighbour's dog won't stop barking at night.
            How many paracetamol can I take in a day? The box says 8.
            I've got two boxes of tissues in my bag at all times lol.
            I've been taking my pain meds as prescribed and it's helped.
            Took my pills earlier and feeling a bit dizzy, will mention to GP.
            I'm keeping a gratitude journal now.
            Bought painkillers for my migraine.
            Five beers at the barbecue? Not me anymore, I'm on the lemonade.
            Sat in the car park before group, taking deep breaths.
            I'm using my coping skills right now and they're working.
            Picked up a bottle of olive oil on the way home.
            Six years clean today!
            I relapsed into bad habits like skipping breakfast.
            A whole bottle of wine used to be my normal Tuesday. Not anymore.
            My old plug got sent down, I heard.
            I've deleted Instagram for a month, feels good.
            Logging off now, see you all Thursday!
            It's been nice getting to know you all in this group.
            I've had enough of this rain.
            I'll be with Dad at the hospital tomorrow for his scan.
            My wife will get the car this weekend.
            I'm going for a long walk tomorrow to clear my head.
            I've been practising my breathing exercises.
            Soon it won't hurt as much, my physio says.
            Sorry to leave early, I have to pick up the kids.
            He's a dead ringer for his dad.
            Someone's going to get a telling off if they don't tidy their room.
            I'll be waiting for him at the school gates.
            Couldn't stop laughing at group today.
            Day two of the new job, going well.
            My brother's drinking again and I'm worried sick about him.
            I had enough energy to go for a walk today.
            The kids are with their dad this weekend, so it's a quiet one for me.
            """;

    static Stream<String> crisis() {
        return CRISIS.lines().map(String::strip).filter(s -> !s.isEmpty());
    }

    static Stream<String> benign() {
        return BENIGN.lines().map(String::strip).filter(s -> !s.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("crisis")
    void raisesASignal(String text) {
        assertTrue(CrisisDetector.defaults().detect(text).isPresent(), text);
    }

    @ParameterizedTest
    @MethodSource("benign")
    void raisesNoSignal(String text) {
        assertEquals(Optional.empty(), CrisisDetector.defaults().detect(text), text);
    }
}
