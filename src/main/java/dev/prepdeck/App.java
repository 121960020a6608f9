package dev.prepdeck;

import dev.prepdeck.account.AccessControl;
import dev.prepdeck.account.AccountController;
import dev.prepdeck.account.Accounts;
import dev.prepdeck.account.AdminController;
import dev.prepdeck.ankisync.AnkiController;
import dev.prepdeck.ankisync.AnkiSync;
import dev.prepdeck.backup.BackupController;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.check.CheckController;
import dev.prepdeck.check.DatabaseCheck;
import dev.prepdeck.deck.DeckExport;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.search.SearchSyntaxException;
import dev.prepdeck.dashboard.DashboardController;
import dev.prepdeck.dashboard.DashboardService;
import dev.prepdeck.deck.DeckController;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.media.MediaController;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.notes.NotesController;
import dev.prepdeck.notes.NotesImporter;
import dev.prepdeck.optimize.OptimizeController;
import dev.prepdeck.optimize.OptimizeService;
import dev.prepdeck.practice.AnswerMatcher;
import dev.prepdeck.judge.ChatCompletionsJudge;
import dev.prepdeck.judge.SecondOpinionService;
import dev.prepdeck.practice.Highlighter;
import dev.prepdeck.practice.PracticeRepository;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.practice.RecordingStore;
import dev.prepdeck.practice.TermAnalyzer;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.search.BrowseController;
import dev.prepdeck.search.BulkAction;
import dev.prepdeck.search.BulkEdit;
import dev.prepdeck.search.CustomStudy;
import dev.prepdeck.search.SavedSearches;
import dev.prepdeck.search.SearchService;
import dev.prepdeck.settings.SettingsController;
import dev.prepdeck.settings.SettingsRepository;
import dev.prepdeck.settings.SettingsService;
import dev.prepdeck.stats.StatsController;
import dev.prepdeck.stats.StatsService;
import dev.prepdeck.study.CardMarksController;
import dev.prepdeck.study.CardPageController;
import dev.prepdeck.study.CramController;
import dev.prepdeck.study.CustomStudyController;
import dev.prepdeck.study.DeckApiController;
import dev.prepdeck.study.DeckPageController;
import dev.prepdeck.study.MockInterviewController;
import dev.prepdeck.study.PracticeApiController;
import dev.prepdeck.study.PracticeController;
import dev.prepdeck.study.RecordingController;
import dev.prepdeck.study.ReviewApiController;
import dev.prepdeck.study.SecondOpinionController;
import dev.prepdeck.study.StudyController;
import dev.prepdeck.study.StudyPages;
import dev.prepdeck.web.SignedIn;
import dev.prepdeck.web.AllowedHosts;
import dev.prepdeck.web.ForwardedHeaders;
import dev.prepdeck.web.InlineMarkdown;
import dev.prepdeck.web.JsonBody;
import dev.prepdeck.web.MarkdownRenderer;
import dev.prepdeck.web.SiteSetup;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The web application: every route in one place, wired to controllers built from the database and a clock. */
public final class App {
    /** A remote judge's API key comes from the environment when the server starts; it is never stored or shown. */
    static final String JUDGE_API_KEY_VARIABLE = "PREPDECK_JUDGE_API_KEY";

    private App() {
    }

    /** The site as it runs on this machine only: it answers to the loopback names alone. */
    public static Javalin create(Jdbi jdbi, Clock clock) {
        return create(jdbi, clock, AllowedHosts.loopback());
    }

    /** The site answering to {@code hosts} in the Host header, and to no other name. */
    public static Javalin create(Jdbi jdbi, Clock clock, AllowedHosts hosts) {
        return create(jdbi, clock, hosts, TermAnalyzer.shipped());
    }

    /** The app with an answer analyser built beforehand (it loads dictionaries; start-up builds it meanwhile). */
    public static Javalin create(Jdbi jdbi, Clock clock, AllowedHosts hosts, TermAnalyzer terms) {
        return create(jdbi, clock, hosts, terms, Backups.of(jdbi, clock, ZoneId.systemDefault()));
    }

    /** The app writing its automatic backups through {@code backups} (the server's, which also backs up on a timer). */
    public static Javalin create(Jdbi jdbi, Clock clock, AllowedHosts hosts, TermAnalyzer terms, Backups backups) {
        return create(jdbi, clock, hosts, terms, backups, false);
    }

    /**
     * The app as the serve command starts it; {@code trustProxy}: a reverse proxy in front says in X-Forwarded-Proto
     * and X-Forwarded-For how the browser connected.
     */
    public static Javalin create(Jdbi jdbi, Clock clock, AllowedHosts hosts, TermAnalyzer terms, Backups backups,
                                 boolean trustProxy) {
        DeckRepository deckRepository = new DeckRepository();
        ReviewRepository reviewRepository = new ReviewRepository();
        DeckService deckService = new DeckService(jdbi, deckRepository, clock);
        ReviewService reviewService = new ReviewService(jdbi, deckRepository, reviewRepository, clock);
        MarkdownRenderer markdown = new MarkdownRenderer();
        InlineMarkdown inline = new InlineMarkdown();
        PracticeService practiceService = new PracticeService(jdbi, deckRepository, new PracticeRepository(),
                reviewService, new AnswerMatcher(terms), clock);
        StudyPages studyReads = new StudyPages(jdbi, deckRepository, reviewService, practiceService);

        StatsService statsService = new StatsService(jdbi, deckRepository, reviewService, clock);

        RecordingStore recordingStore = new RecordingStore(jdbi, clock);
        DashboardController dashboard = new DashboardController(
                new DashboardService(jdbi, deckRepository, reviewService, statsService));
        StatsController statsPages = new StatsController(statsService, deckService);
        DeckController deckEditing = new DeckController(deckService, markdown, inline);
        DeckPageController deckPages = new DeckPageController(studyReads, deckService, markdown, inline, clock);
        CardPageController cardPages = new CardPageController(studyReads, markdown, inline, clock);
        SearchService searchService = new SearchService(jdbi, deckRepository, clock);
        CustomStudy customStudy = new CustomStudy(jdbi, searchService, clock);
        StudyController studyPages = new StudyController(studyReads, reviewService, markdown, inline, clock, customStudy);
        CustomStudyController customStudyPages = new CustomStudyController(customStudy, reviewService, deckService);
        DeckApiController deckApi = new DeckApiController(deckService, reviewService);
        ReviewApiController reviewApi = new ReviewApiController(reviewService, practiceService);
        SecondOpinionService secondOpinions = new SecondOpinionService(jdbi,
                ChatCompletionsJudge.connectingWhenAsked(Duration.ofSeconds(5), System.getenv(JUDGE_API_KEY_VARIABLE)),
                clock);
        PracticeController practicePages = new PracticeController(studyReads, practiceService, deckService,
                new Highlighter(terms, markdown), secondOpinions, clock, customStudy);
        SecondOpinionController secondOpinionPage = new SecondOpinionController(secondOpinions);
        MockInterviewController mockPages = new MockInterviewController(practiceService, deckService, markdown,
                secondOpinions, clock);
        RecordingController recordings = new RecordingController(recordingStore);
        PracticeApiController practiceApi = new PracticeApiController(practiceService, secondOpinions);
        MediaStore mediaStore = new MediaStore(jdbi, clock);
        MediaController media = new MediaController(mediaStore, deckService::mediaHiddenFrom);
        NotesController notesImport = new NotesController(
                new NotesImporter(new DeckSync(jdbi, deckRepository, mediaStore, clock)));
        OptimizeController optimize = new OptimizeController(
                new OptimizeService(jdbi, deckRepository, reviewRepository, clock));
        AnkiController anki = new AnkiController(
                new AnkiSync(jdbi, deckRepository, reviewRepository, mediaStore, clock),
                (learnerId, query) -> {
                    try {
                        return searchService.matchingIds(learnerId, query);
                    } catch (SearchSyntaxException e) {
                        throw new InvalidInputException("q", e.getMessage(), e.key(), e.arguments());
                    }
                },
                new DeckExport(jdbi, deckRepository, mediaStore));
        BulkEdit bulkEdit = new BulkEdit(jdbi, searchService, deckRepository, clock);
        BrowseController browse = new BrowseController(bulkEdit, searchService, new SavedSearches(jdbi, clock), clock);
        CardMarksController cardMarks = new CardMarksController(bulkEdit);
        CramController cram = new CramController(searchService, markdown);
        Accounts accounts = new Accounts(jdbi, reviewRepository, clock);
        AccountController accountPages = new AccountController(accounts, clock);
        AccessControl access = accountPages.accessControl();
        AdminController admin = new AdminController(accounts);
        BackupController backupPages = new BackupController(backups);
        DeckSync deckSync = new DeckSync(jdbi, deckRepository, mediaStore, clock);
        CheckController checkPage = new CheckController(
                new DatabaseCheck(jdbi, deckRepository, reviewRepository, deckSync, mediaStore),
                () -> backups.before(Reason.CHECK));
        // Whose settings a request reads and changes: the one learner until accounts exist.
        SettingsController settingsPages = new SettingsController(
                new SettingsService(jdbi, new SettingsRepository()), SignedIn::learner);

        return Javalin.create(config -> {
            ForwardedHeaders.register(config, trustProxy);
            SiteSetup.apply(config, hosts, clock);
            // Accounts (issue 17): whom each request acts for, before any route; with it every page is drawn in
            // that learner's language and theme (issue 20), read in the same query as the session (issue 19)
            config.routes.before(access::verify);

            // Pages
            config.routes.get("/", dashboard::show);
            config.routes.get("/decks/new", deckEditing::newDeckForm);
            config.routes.post("/decks", deckEditing::create);
            config.routes.get("/decks/{deckId}", deckPages::show);
            config.routes.post("/decks/{deckId}/rename", deckPages::rename);
            config.routes.get("/decks/{deckId}/delete", deckEditing::confirmDelete);
            config.routes.post("/decks/{deckId}/delete", deckEditing::delete);
            config.routes.get("/decks/{deckId}/settings", deckEditing::settingsForm);
            config.routes.post("/decks/{deckId}/settings", deckEditing::saveSettings);
            config.routes.get("/decks/{deckId}/cards/new", deckEditing::newCardForm);
            config.routes.post("/decks/{deckId}/cards", deckEditing::createCard);
            config.routes.get("/cards/{cardId}", cardPages::show);
            config.routes.get("/cards/{cardId}/edit", deckEditing::editCardForm);
            config.routes.post("/cards/{cardId}", deckEditing::updateCard);
            config.routes.get("/cards/{cardId}/delete", deckEditing::confirmDeleteCard);
            config.routes.post("/cards/{cardId}/delete", deckEditing::deleteCard);
            config.routes.post("/preview", deckEditing::preview);
            config.routes.get("/study", studyPages::study);
            config.routes.post("/study/rate", studyPages::rate);
            config.routes.post("/study/undo", studyPages::undo);

            // Practice
            config.routes.post("/study/check", practicePages::check);
            config.routes.post("/study/practice-rate", practicePages::rate);
            config.routes.post("/study/practice-mode", practicePages::toggle);
            config.routes.get("/decks/{deckId}/practice", practicePages::settingsForm);
            config.routes.post("/decks/{deckId}/practice", practicePages::saveSettings);

            // The learner's own answer judge, asked for a second opinion on practice checks
            config.routes.get("/practice/judge", secondOpinionPage::form);
            config.routes.post("/practice/judge", secondOpinionPage::save);
            config.routes.post("/practice/judge/off", secondOpinionPage::turnOff);

            // Spoken answers: uploaded when the learner stops recording, played back beside the model answer
            config.routes.post("/study/recordings", recordings::upload);
            config.routes.get("/study/recordings/{recordingId}", recordings::play);
            config.routes.get("/mock", mockPages::setup);
            config.routes.post("/mock", mockPages::start);
            config.routes.get("/mock/run", mockPages::question);
            config.routes.post("/mock/answer", mockPages::answer);
            config.routes.get("/mock/report", mockPages::report);
            config.routes.post("/mock/confirm", mockPages::confirm);

            // Notes import
            config.routes.get("/notes/import", notesImport::form);
            config.routes.post("/notes/preview", notesImport::preview);
            config.routes.post("/notes/save", backupPages.first(Reason.IMPORT, notesImport::save));

            // Media: the images and sounds cards show, as their Markdown names them (media/NAME)
            config.routes.get("/media/{name}", media::serve);

            // JSON API
            config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/api/decks", deckApi::listDecks);
            config.routes.post("/api/decks", deckApi::createDeck);
            config.routes.get("/api/decks/{deckId}/cards", deckApi::listCards);
            config.routes.post("/api/decks/{deckId}/cards", deckApi::createCard);
            config.routes.put("/api/cards/{cardId}", deckApi::updateCard);
            config.routes.delete("/api/cards/{cardId}", deckApi::deleteCard);
            config.routes.get("/api/review/next", reviewApi::next);
            config.routes.post("/api/review", reviewApi::review);
            config.routes.post("/api/review/undo", reviewApi::undo);
            config.routes.post("/api/practice/check", practiceApi::check);

            // FSRS optimizer: fit the weights to a deck's reviews (with its sub-decks) or to every deck's; apply on request
            config.routes.get("/optimize", optimize::allDecksForm);
            config.routes.post("/optimize", optimize::optimizeAll);
            config.routes.post("/optimize/apply", backupPages.first(Reason.RESCHEDULE, App::reschedules, optimize::applyAll));
            config.routes.post("/optimize/retention", optimize::retentionAll);
            config.routes.get("/decks/{deckId}/optimize", optimize::deckForm);
            config.routes.post("/decks/{deckId}/optimize", optimize::optimizeDeck);
            config.routes.post("/decks/{deckId}/optimize/apply",
                    backupPages.first(Reason.RESCHEDULE, App::reschedules, optimize::applyDeck));
            config.routes.post("/decks/{deckId}/optimize/retention", optimize::retentionDeck);
            config.routes.post("/api/decks/{deckId}/optimize", optimize::optimizeApi);
            config.routes.post("/api/decks/{deckId}/fsrs",
                    backupPages.first(Reason.RESCHEDULE, App::reschedulesByJson, optimize::applyApi));

            // Anki packages in and out (issue 15)
            config.routes.get("/anki", anki::form);
            config.routes.post("/anki/import", backupPages.first(Reason.IMPORT, anki::importPackage));
            config.routes.get("/decks/{deckId}/anki.apkg", anki::exportDeck);
            // Anki, the rest of issue 15: a text file's preview with its column choice, text exports, a search's
            // matches as a package, every deck's Markdown files as a .zip
            config.routes.post("/anki/import-text", backupPages.first(Reason.IMPORT, anki::importText));
            config.routes.get("/decks/{deckId}/anki.csv", anki::exportDeckCsv);
            config.routes.get("/decks/{deckId}/anki.tsv", anki::exportDeckTsv);
            config.routes.get("/anki/search.apkg", anki::exportSearch);
            config.routes.get("/anki/decks.zip", anki::exportDeckFiles);

            // Browse: search the cards (the menu's search box lands here), change them in bulk, manage tags
            config.routes.get("/browse", browse::page);
            config.routes.post("/browse/bulk", backupPages.first(Reason.DELETE, App::deletesConfirmed, browse::bulkForm));
            config.routes.get("/tags", browse::tags);
            config.routes.post("/tags/rename", browse::renameTag);
            config.routes.post("/tags/delete", browse::deleteTag);
            config.routes.get("/api/search", browse::searchApi);
            config.routes.post("/api/cards/bulk", backupPages.first(Reason.DELETE, App::deletesByJson, browse::bulkApi));
            // Browse, the rest of issue 14: undo the last bulk edit, saved searches
            config.routes.post("/browse/undo", browse::undoForm);
            config.routes.post("/api/cards/bulk/undo", browse::undoApi);
            config.routes.post("/browse/saved", browse::saveSearch);
            config.routes.post("/browse/saved/delete", browse::deleteSavedSearch);
            // Bury, suspend and flag one card from the study page or its page (Anki's -, @ and Ctrl+1..4)
            config.routes.post("/cards/{cardId}/bury", cardMarks::bury);
            config.routes.post("/cards/{cardId}/suspend", cardMarks::suspend);
            config.routes.post("/cards/{cardId}/flag", cardMarks::flag);
            // Custom study from a search or deck: review ahead, forgotten today, more new cards today
            config.routes.get("/custom-study", customStudyPages::form);
            config.routes.post("/custom-study", customStudyPages::start);
            config.routes.get("/custom-study/next", customStudyPages::next);
            config.routes.post("/custom-study/end", customStudyPages::end);
            // Cram: a search's cards one by one, the night before an interview, without touching their schedule
            config.routes.get("/cram", cram::card);

            // Statistics
            config.routes.get("/stats", statsPages::page);
            config.routes.get("/stats/reviews-per-day.csv", statsPages::reviewsPerDayCsv);
            config.routes.get("/stats/review-log.csv", statsPages::reviewLogCsv);
            config.routes.get("/api/stats", statsPages::api);

            // Backups and Check Database (issue 17); imports, bulk deletes and reschedules above back up first
            config.routes.get("/backups", backupPages::page);
            config.routes.post("/backups", backupPages::backUpNow);
            config.routes.get("/backups/{name}", backupPages::download);
            config.routes.get("/backups/{name}/restore", backupPages::confirmRestore);
            // A restored database gives its decks' answers versions again, to answers that may differ
            config.routes.post("/backups/{name}/restore", ctx -> {
                backupPages.restore(ctx);
                practiceService.forgetAutomaticModes();
            });
            config.routes.get("/check", checkPage::page);
            config.routes.post("/check", checkPage::run);

            // Accounts (issue 17): signing in and out, the account page (password, sessions, API tokens), the admin page
            config.routes.get("/login", accountPages::loginForm);
            config.routes.post("/login", accountPages::login);
            config.routes.post("/logout", accountPages::logout);
            config.routes.get("/account", accountPages::page);
            config.routes.post("/account/password", accountPages::changePassword);
            config.routes.post("/account/sessions/{sessionId}/revoke", accountPages::revokeSession);
            config.routes.post("/account/sign-out-everywhere", accountPages::signOutEverywhere);
            config.routes.post("/account/tokens", accountPages::createToken);
            config.routes.post("/account/tokens/{tokenId}/revoke", accountPages::revokeToken);
            config.routes.get("/admin", admin::page);
            config.routes.post("/admin/accounts/{learnerId}/disable", admin::disable);
            config.routes.post("/admin/accounts/{learnerId}/enable", admin::enable);
            config.routes.post("/admin/accounts/{learnerId}/reset-password", admin::resetPassword);

            // Settings (issue 20): language, theme, the study day's zone and rollover hour, defaults for new decks
            config.routes.get("/settings", settingsPages::page);
            config.routes.post("/settings", settingsPages::save);
            config.routes.post("/settings/language", settingsPages::switchLanguage);
            config.routes.get("/api/settings", settingsPages::api);
            config.routes.put("/api/settings", settingsPages::apiChange);

            // Private decks (issue 17): the deck's owner keeps it to themselves or shares it with every learner
            config.routes.post("/decks/{deckId}/visibility", deckEditing::saveVisibility);
            config.routes.put("/api/decks/{deckId}/visibility", deckApi::setVisibility);
        });
    }

    /** The optimizer's apply form asks to reschedule the cards with the new weights (it may only save them). */
    private static boolean reschedules(Context ctx) {
        return ctx.formParam("reschedule") != null;
    }

    private static boolean reschedulesByJson(Context ctx) {
        return JsonBody.of(ctx).optionalBoolean("reschedule", false);
    }

    /** The browse page's bulk form deletes once the person confirmed (the first post only asks). */
    private static boolean deletesConfirmed(Context ctx) {
        return BulkAction.DELETE.equals(ctx.formParam("action")) && ctx.formParam("confirmed") != null;
    }

    private static boolean deletesByJson(Context ctx) {
        return BulkAction.DELETE.equals(JsonBody.of(ctx).optionalString("action"));
    }
}
