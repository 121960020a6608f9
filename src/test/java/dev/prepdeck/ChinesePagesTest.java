package dev.prepdeck;

import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.CardQueue;
import dev.prepdeck.anki.CardTemplate;
import dev.prepdeck.anki.CardType;
import dev.prepdeck.anki.CollectionTiming;
import dev.prepdeck.anki.MemoryState;
import dev.prepdeck.anki.NoteType;
import dev.prepdeck.anki.TestPackages;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser set to Chinese gets every page of the interface in Chinese: no "??key??" marker of a missing message and
 * no English word of the interface in the text a person reads or the names a screen reader speaks. The collection is
 * Chinese too, so any English on the page came from the interface.
 */
class ChinesePagesTest {
    static final String DEPLOYMENT_DECK = """
            # 面试::部署

            部署相关的问题。

            ## 如何安全地发布新模型？
            <!-- tags: 发布 -->

            - 先用金丝雀发布，把少量流量切到新版本
            - 监控错误率和延迟
            - 出问题时立即回滚

            ## 什么是蓝绿部署？

            同时保留两套环境，切换流量完成发布。
            """;

    /** Latin words a Chinese page keeps: names of products and formats, keys on the keyboard, units. */
    private static final Set<String> NAMES = Set.of("prepdeck", "Anki", "AnkiDroid", "FSRS", "Markdown",
            "reStructuredText", "Sphinx", "Quizlet", "CSV", "TSV", "HTML", "RMSE", "bins", "MB", "KB", "Ctrl", "Enter",
            "Esc", "Shift", "Git", "apkg", "colpkg", "csv", "tsv", "zip", "rst", "md", "txt", "ML", "Interview", "Spanish",
            "leech" /* the tag a leech gets, which searches use as it is */,
            "deck" /* the #deck header of an Anki text file, written as it is */, "UTF" /* UTF-8, an encoding's name */,
            "collection", "anki", "SQLite" /* the entry of an Anki package a problem names (collection.anki2), its format */,
            "png" /* the extension of an image a warning names */,
            "media", "notes" /* folders in paths as a card and a deck's source write them: media/NAME, notes/FILE/DECK.md */);
    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}{2,}");

    @TempDir
    Path tempDir;

    @Test
    void every_main_page_speaks_chinese_to_a_chinese_browser() {
        TestCollection collection = TestCollection.of(tempDir, "deploy.md", DEPLOYMENT_DECK);
        long deck = collection.deckId("面试::部署");
        long card = collection.cardId("如何安全地发布新模型？");
        collection.site(s -> {
            s.speaking("zh-CN,zh;q=0.9");
            Map<String, String> pages = new LinkedHashMap<>();
            for (String path : List.of("/", "/decks/" + deck, "/study?deck=" + deck, "/stats", "/stats?deck=" + deck,
                    "/browse", "/browse?q=" + enc("发布"), "/browse?q=" + enc("没有这个词"), "/tags", "/notes/import", "/anki",
                    "/optimize", "/decks/" + deck + "/optimize", "/decks/" + deck + "/settings",
                    "/decks/" + deck + "/practice", "/decks/new", "/decks/" + deck + "/delete",
                    "/decks/" + deck + "/cards/new", "/cards/" + card + "/edit", "/cards/" + card + "/delete", "/mock",
                    "/cram?q=" + enc("发布"))) {
                pages.put(path, s.page(path));
            }
            for (String missing : List.of("/x/1", "/decks/999999", "/media/" + enc("没有的图.png"))) {
                Response answer = s.get(missing);
                assertThat(answer.code()).as(missing).isEqualTo(404);
                pages.put(missing, answer.body().string());
            }

            s.submit("/study/practice-mode", "deck", String.valueOf(deck), "cardDeck", String.valueOf(deck),
                    "card", String.valueOf(card), "on", "1");
            pages.put("/study?deck= (practice)", s.page("/study?deck=" + deck + "&card=" + card));
            Response checked = s.submit("/study/check", "cardId", String.valueOf(card), "deck", String.valueOf(deck),
                    "answer", "先用金丝雀发布", "seconds", "40");
            pages.put("POST /study/check", checked.body().string());
            s.submit("/study/practice-rate", "cardId", String.valueOf(card), "deck", String.valueOf(deck),
                    "answer", "先用金丝雀发布", "seconds", "40", "rating", "3", "covered", "0");
            pages.put("/cards/" + card, s.page("/cards/" + card));

            Response started = s.submit("/mock", "deck", String.valueOf(deck), "count", "1");
            String run = location(started);
            pages.put(run, s.page(run));
            Response answered = s.submit("/mock/answer", "cards", String.valueOf(card), "answers", "",
                    "cardId", String.valueOf(card), "answer", "监控错误率", "seconds", "30");
            String report = location(s.get(location(answered)));
            pages.put(report, s.page(report));

            List<String> problems = new ArrayList<>();
            pages.forEach((path, html) -> problems.addAll(englishOn(path, html)));
            assertThat(problems).as("English or missing messages on Chinese pages").isEmpty();
            assertThat(pages.get("/")).contains("lang=\"zh-CN\"").contains("我的卡组");
            assertThat(pages.get("/study?deck=" + deck)).contains("显示答案").contains("重来").contains("良好");
        });
    }

    @Test
    void rating_buttons_and_due_times_are_worded_in_chinese() {
        TestCollection collection = TestCollection.of(tempDir, "deploy.md", DEPLOYMENT_DECK);
        long deck = collection.deckId("面试::部署");
        collection.site(s -> {
            s.speaking("zh-CN");
            Document study = Jsoup.parse(s.page("/study?deck=" + deck));
            assertThat(study.select("#rate-1 .interval").text()).isEqualTo("1分钟");
            assertThat(study.select("#rate-3 .interval").text()).isEqualTo("10分钟");
            assertThat(study.select(".rate .label").eachText()).containsExactly("重来", "困难", "良好", "简单");
            Document card = Jsoup.parse(s.page("/study?deck=" + deck));
            long shown = Long.parseLong(card.select("input[name=cardId]").first().val());
            s.submit("/study/rate", "cardId", String.valueOf(shown), "deck", String.valueOf(deck), "rating", "3");
            Document page = Jsoup.parse(s.page("/decks/" + deck));
            assertThat(page.select("table.cards td").eachText()).contains("10分钟后", "学习中");
            assertThat(s.page("/study?deck=" + deck)).contains("撤销对");
        });
    }

    @Test
    void a_form_says_what_is_wrong_in_chinese_and_the_api_still_in_english() {
        TestCollection collection = TestCollection.of(tempDir, "deploy.md", DEPLOYMENT_DECK);
        long deck = collection.deckId("面试::部署");
        collection.site(s -> {
            s.speaking("zh-CN");
            Response blank = s.submit("/decks", "name", "  ");
            assertThat(blank.code()).isEqualTo(400);
            assertThat(formError(blank.body().string())).isEqualTo("卡组名称不能为空");
            Response taken = s.submit("/decks/" + deck + "/rename", "name", "面试");
            assertThat(formError(taken.body().string())).isEqualTo("已经有名为“面试”的卡组");
            Response retention = s.submit("/decks/" + deck + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "desiredRetention", "0.5");
            assertThat(formError(retention.body().string()))
                    .isEqualTo("目标保留率必须在 0.70 到 0.99 之间");
            s.speaking(null);
            Response english = s.submit("/decks", "name", "  ");
            assertThat(formError(english.body().string())).isEqualTo("deck name must not be empty");
        });
    }

    @Test
    void a_bad_search_a_bad_field_and_a_file_that_cannot_be_imported_are_explained_in_chinese() {
        TestCollection collection = TestCollection.of(tempDir, "deploy.md", DEPLOYMENT_DECK);
        long deck = collection.deckId("面试::部署");
        collection.site(s -> {
            s.speaking("zh-CN");
            Map<String, String> pages = new LinkedHashMap<>();

            Response unclosed = s.get("/browse?q=" + enc("发布 (部署"));
            assertThat(unclosed.code()).isEqualTo(400);
            pages.put("/browse?q=发布 (部署", unclosed.body().string());
            assertThat(Jsoup.parse(pages.get("/browse?q=发布 (部署")).select("#query-error p.error").text())
                    .isEqualTo("“(”没有闭合：请补上“)”");
            Document typed = Jsoup.parse(s.get("/browse?q=" + enc("发布 prop:ivl>>3")).body().string());
            assertThat(typed.select("#query-error p.error").text()).as("the term stays as typed")
                    .isEqualTo("prop:ivl>>3：“>”后面应为数字");
            assertThat(typed.select("#query-error mark.error-at").text()).as("and the page points at it").isEqualTo(">3");
            Response cram = s.get("/cram?q=" + enc("\"发布"));
            assertThat(cram.code()).isEqualTo(400);
            pages.put("/cram?q=\"发布", cram.body().string());
            Response api = s.get("/api/search?q=" + enc("发布 prop:ivl>>3"));
            assertThat(api.code()).isEqualTo(400);
            JsonNode problem = TestSite.json(api);
            assertThat(problem.get("error").asText()).isEqualTo("prop:ivl>>3：“>”后面应为数字");
            assertThat(problem.get("code").asText()).isEqualTo("number");
            assertThat(problem.get("position").asInt()).isEqualTo(12);

            Response field = s.submit("/decks/" + deck + "/settings", "newPerDay", "很多", "reviewsPerDay", "200");
            assertThat(field.code()).isEqualTo(400);
            pages.put("POST /decks/" + deck + "/settings", field.body().string());
            assertThat(formError(pages.get("POST /decks/" + deck + "/settings")))
                    .isEqualTo("每日新卡片数必须是整数");

            Response notes = s.upload("/notes/preview", "file", "笔记.md",
                    "# 部署\n\n## 问题\u0000\n".getBytes(StandardCharsets.UTF_8));
            assertThat(notes.code()).isEqualTo(400);
            pages.put("POST /notes/preview", notes.body().string());
            assertThat(formError(pages.get("POST /notes/preview")))
                    .as("the file and line as they are, the sentence around them in Chinese")
                    .isEqualTo("笔记.md:3：含有二进制数据（空字符）；笔记文件必须是 UTF-8 文本");

            Response warned = s.upload("/notes/preview", "file", "部署.rst",
                    "部署\n====\n\n什么是金丝雀发布？\n-----\n\n先让少数用户用新版本。\n\n回滚\n----\n"
                            .getBytes(StandardCharsets.UTF_8));
            pages.put("POST /notes/preview (warnings)", warned.body().string());
            assertThat(Jsoup.parse(pages.get("POST /notes/preview (warnings)")).select("section.notes-skipped li").eachText())
                    .as("what is left out and why, at its file:line, in Chinese")
                    .containsExactly("部署.rst:9：“回滚”已略过：空章节", "警告：部署.rst:5：“什么是金丝雀发布？”的标题下划线太短");

            Response anki = s.upload("/anki/import", "file", "卡片.txt", "#separator:tab\n\n".getBytes(StandardCharsets.UTF_8));
            assertThat(anki.code()).isEqualTo(400);
            pages.put("POST /anki/import", anki.body().string());
            assertThat(formError(pages.get("POST /anki/import"))).isEqualTo("卡片.txt 中没有可导入的行");
            Response damaged = s.upload("/anki/import", "file", "卡片.apkg", zipOf("collection.anki2", "不是数据库"));
            assertThat(damaged.code()).isEqualTo(400);
            pages.put("POST /anki/import (package)", damaged.body().string());
            assertThat(formError(pages.get("POST /anki/import (package)")))
                    .isEqualTo("卡片.apkg: collection.anki2 不是 SQLite 数据库");
            Response columns = s.upload("/anki/import", "file", "卡片.txt",
                    "问题一\t答案一\n问题二\t答案二\n".getBytes(StandardCharsets.UTF_8));
            pages.put("POST /anki/import (preview)", columns.body().string());
            assertThat(Jsoup.parse(pages.get("POST /anki/import (preview)")).select("table.preview-rows th").eachText())
                    .as("columns the file does not name are numbered in Chinese").containsExactly("第 1 列", "第 2 列");

            Response bulk = s.submit("/browse/bulk", "q", "", "scope", "matches", "action", "set-due", "days", "下周");
            assertThat(bulk.code()).isEqualTo(400);
            pages.put("POST /browse/bulk", bulk.body().string());
            assertThat(formError(pages.get("POST /browse/bulk")))
                    .as("a bulk action refused in Chinese, with what was typed")
                    .isEqualTo("请用距今天的天数设置到期日：0（今天）、3，或 3-7 这样的范围；加上 ! 可同时设置间隔（而不是“下周”）");

            Response unnamed = s.submit("/browse/saved", "q", "发布", "name", "  ");
            assertThat(unnamed.code()).isEqualTo(400);
            pages.put("POST /browse/saved", unnamed.body().string());
            assertThat(pages.get("POST /browse/saved")).contains("请给这个搜索起个名字");
            Response mode = s.submit("/custom-study", "q", "", "mode", "sideways");
            assertThat(mode.code()).isEqualTo(400);
            pages.put("POST /custom-study", mode.body().string());
            assertThat(pages.get("POST /custom-study")).contains("请选择一种自定义学习：提前复习，或学习今天忘记的卡片");
            Response retention = s.submit("/decks/" + deck + "/optimize/retention", "desiredRetention", "");
            assertThat(retention.code()).isEqualTo(400);
            pages.put("POST /decks/" + deck + "/optimize/retention", retention.body().string());
            assertThat(pages.get("POST /decks/" + deck + "/optimize/retention")).contains("目标保留率必须是数字，例如 0.9");

            List<String> problems = new ArrayList<>();
            pages.forEach((path, html) -> problems.addAll(englishOn(path, html)));
            assertThat(problems).as("English or missing messages on Chinese pages").isEmpty();
        });
    }

    @Test
    void what_a_deck_file_cannot_hold_is_refused_in_chinese() {
        TestCollection collection = TestCollection.of(tempDir, "deploy.md", DEPLOYMENT_DECK);
        long deck = collection.deckId("面试::部署");
        collection.site(s -> {
            s.speaking("zh-CN");
            Response name = s.submit("/decks", "name", "面试::");
            assertThat(name.code()).isEqualTo(400);
            assertThat(formError(name.body().string()))
                    .isEqualTo("卡组名称“面试::”中有空的一级；请写成“A::B”的形式");
            Response answer = s.submit("/decks/" + deck + "/cards", "question", "怎样看日志？", "answer", "<pre>\n日志", "tags", "");
            assertThat(answer.code()).isEqualTo(400);
            String html = answer.body().string();
            assertThat(formError(html))
                    .isEqualTo("卡片“怎样看日志？”的答案中有未闭合的 HTML 块，会吞掉它后面的卡片");
            Response control = s.submit("/decks/" + deck + "/cards", "question", "响铃\u0007？", "answer", "答案", "tags", "");
            assertThat(formError(control.body().string()))
                    .isEqualTo("问题的第 3 个字符是控制字符 U+0007 BEL；它必须是一行可见文字");
            Response leech = s.submit("/decks/" + deck + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "leechThreshold", "0", "leechAction", "tag");
            assertThat(formError(leech.body().string()))
                    .isEqualTo("算作顽固卡的遗忘次数必须在 1 到 99 之间");
            Response weights = s.submit("/decks/" + deck + "/settings", "newPerDay", "20", "reviewsPerDay", "200",
                    "weights", "0.2 NaN" + " 1".repeat(19));
            assertThat(formError(weights.body().string()))
                    .isEqualTo("权重 w1 必须是有限的数字，而不是 NaN");
            s.speaking(null);
            Response english = s.submit("/decks", "name", "面试::");
            assertThat(formError(english.body().string()))
                    .isEqualTo("deck name '面试::' has an empty part; write it as 'A::B'");
        });
    }

    @Test
    void an_anki_import_report_words_its_warnings_and_skipped_cards_in_chinese() throws Exception {
        TestCollection collection = TestCollection.of(tempDir);
        byte[] pkg = packageWithProblems(Files.createDirectories(tempDir.resolve("pkg")));
        collection.site(s -> {
            s.speaking("zh-CN");
            Response imported = s.upload("/anki/import", "file", "面试.apkg", pkg);
            assertThat(imported.code()).isEqualTo(200);
            String html = imported.body().string();
            Document page = Jsoup.parse(html);
            assertThat(page.select("dl.anki-report dd").first().text()).isEqualTo("面试.apkg：collection.anki2（架构版本 11）");
            assertThat(page.select("ul.warnings li").eachText()).containsExactlyInAnyOrder(
                    "媒体文件“没了.png”列在清单中，但牌组包里没有它（条目 0）",
                    "卡片“什么是死锁？”：要显示的“锁.png”不在牌组包里",
                    "卡片“什么是死锁？”：这里不认识模板过滤器“喊”；{{喊:正面}} 按原样显示字段",
                    "卡片“什么是死锁？”：模板要用字段 {{备注}}，但笔记类型中没有这个字段");
            assertThat(page.select("ul.skipped li").eachText())
                    .containsExactly("卡片 1700000000202（笔记 空-1 的第 1 张卡片）：问题为空");
            assertThat(html).doesNotContain("is listed but missing").doesNotContain("which the package does not hold")
                    .doesNotContain("is not known here").doesNotContain("its question is empty");
            assertThat(englishOn("POST /anki/import (warnings)", html)).isEmpty();

            Response text = s.submit("/anki/import-text", "name", "城市.csv", "content", "法国,巴黎\n日本,东京\n法国,里昂\n",
                    "prefix", "", "question", "1", "answer", "2", "tags", "", "deck", "");
            Document textPage = Jsoup.parse(text.body().string());
            assertThat(textPage.select("dl.anki-report dd").first().text()).isEqualTo("城市.csv：文本，以逗号分隔");
            assertThat(textPage.select("ul.skipped li").eachText()).containsExactly("城市.csv:3：与第 1 行的问题相同");
            assertThat(englishOn("POST /anki/import-text", textPage.outerHtml())).isEmpty();
        });
    }

    @Test
    void saved_notes_report_a_missing_image_and_a_taken_deck_name_in_chinese() {
        TestCollection collection = TestCollection.of(tempDir, "部署.md", DEPLOYMENT_DECK);
        collection.site(s -> {
            s.speaking("zh-CN");
            Response saved = s.submit("/notes/save", "source", "笔记.md", "images", "", "count", "2",
                    "deck_0", "笔记::网络", "file_0", "笔记.md", "id_0", "", "question_0", "什么是域名解析？",
                    "answer_0", "把域名解析成地址。\n\n![解析过程](media/没有的图.png)",
                    "deck_1", "面试::部署", "file_1", "笔记.md", "id_1", "", "question_1", "什么是回滚？",
                    "answer_1", "退回上一个版本。", "keep", "0", "keep", "1");
            String html = saved.body().string();
            Document page = Jsoup.parse(html);
            assertThat(page.select("ul.saved-decks li.error").text()).isEqualTo(
                    "面试::部署: 卡组名称“面试::部署”已被 部署.md 使用；请给其中一个卡组换个名称");
            assertThat(page.select("section[aria-labelledby=warnings-title] li").eachText()).containsExactly(
                    "notes/笔记.md/笔记--网络.md:8：缺少 media/没有的图.png：卡组文件旁的媒体文件夹中没有这个文件；卡片将显示图片的替代文字");
            assertThat(html).doesNotContain("is missing: no such file").doesNotContain("is already used by");
            assertThat(englishOn("POST /notes/save", html)).isEmpty();

            long deck = collection.deckId("笔记::网络");
            assertThat(collection.one("SELECT description FROM deck WHERE id = " + deck, String.class))
                    .as("nothing stored in one language").isEmpty();
            assertThat(englishOn("/decks/" + deck, s.page("/decks/" + deck))).isEmpty();
        });
    }

    @Test
    void an_export_its_own_checks_refuse_says_why_in_chinese() {
        TestCollection collection = TestCollection.of(tempDir, "deploy.md", DEPLOYMENT_DECK);
        long deck = collection.deckId("面试::部署");
        // a name no form accepts, as a damaged or hand-edited database may hold it
        collection.jdbi().useHandle(h -> h.execute("UPDATE deck SET name = '面试:: ' WHERE id = ?", deck));
        collection.site(s -> {
            s.speaking("zh-CN");
            Response refused = s.get("/decks/" + deck + "/anki.apkg");
            assertThat(refused.code()).isEqualTo(500);
            String html = refused.body().string();
            assertThat(formError(html)).isEqualTo("卡组名称“面试:: ”中有空的一级");
            assertThat(html).doesNotContain("has an empty level");
            assertThat(englishOn("/decks/" + deck + "/anki.apkg", html)).isEmpty();
        });
    }

    /**
     * A package whose media list names a file it lacks, whose card shows an image it does not hold through a template
     * with an unknown filter and field, and whose other card has an empty question.
     */
    private static byte[] packageWithProblems(Path dir) throws Exception {
        NoteType type = new NoteType(7, "问答", NoteType.Kind.STANDARD, List.of("正面", "背面"),
                List.of(new CardTemplate("卡片 1", 0, "{{喊:正面}}", "{{背面}}{{备注}}")), 0, "", 1_700_000_100);
        List<AnkiNote> notes = List.of(
                new AnkiNote(1_700_000_000_101L, "锁-1", 7, 1_700_000_500, List.of(), List.of("什么是死锁？", "互相等待 <img src=\"锁.png\">")),
                new AnkiNote(1_700_000_000_102L, "空-1", 7, 1_700_000_500, List.of(), List.of("", "没有问题")));
        List<AnkiCard> cards = List.of(
                new AnkiCard(1_700_000_000_201L, 1_700_000_000_101L, 1, 0, 1_700_000_600, CardType.NEW, CardQueue.NEW, 1,
                        0, 0, 0, 0, 0, 0, 0, 0, MemoryState.NONE, null),
                new AnkiCard(1_700_000_000_202L, 1_700_000_000_102L, 1, 0, 1_700_000_600, CardType.NEW, CardQueue.NEW, 2,
                        0, 0, 0, 0, 0, 0, 0, 0, MemoryState.NONE, null));
        AnkiCollection collection = new AnkiCollection(new CollectionTiming(1_699_934_400L, 0, 4), List.of(type),
                List.of(new AnkiDeck(1, "面试", "", false)), notes, cards, List.of());
        Path built = TestPackages.schema11(collection, List.of(), dir);
        byte[] database;
        try (ZipFile in = new ZipFile(built.toFile())) {
            database = in.getInputStream(in.getEntry("collection.anki2")).readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            TestPackages.put(zip, "collection.anki2", database);
            TestPackages.put(zip, "media", "{\"0\": \"没了.png\"}".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** The message a page shows for a refused form. */
    private static String formError(String html) {
        return Jsoup.parse(html).select("p.error").text();
    }

    /** What a Chinese reader would find English on this page: text, accessible names, tooltips and placeholders. */
    private static List<String> englishOn(String path, String html) {
        List<String> found = new ArrayList<>();
        if (html.contains("??")) {
            Matcher marker = Pattern.compile("\\?\\?[^?]*\\?\\?").matcher(html);
            found.add(path + ": missing message " + (marker.find() ? marker.group() : "??"));
        }
        Document page = Jsoup.parse(html);
        // Code in the cards and hints (SQL, search syntax, file names) is not interface text; neither is what the
        // learner typed, sent back in form fields.
        page.select("pre, code, textarea, script, style").remove();
        // An element marked as another language (the footer's "English" button, lang="en") is meant to be in it.
        page.select("body [lang]:not([lang^=zh])").remove();
        List<String> texts = new ArrayList<>(List.of(page.title(), page.body().text()));
        for (Element e : page.select("[aria-label], [title], [alt], [placeholder]:not([type=search][name=q]:not(#menu-q))")) {
            for (String attribute : List.of("aria-label", "title", "alt", "placeholder")) {
                texts.add(e.attr(attribute));
            }
        }
        for (String text : texts) {
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                if (!NAMES.contains(word.group())) {
                    found.add(path + ": \"" + word.group() + "\" in \"" + shorten(text, word.start()) + "\"");
                    break;
                }
            }
        }
        return found;
    }

    private static String shorten(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
    }

    /** A zip with one entry holding {@code text}. */
    private static byte[] zipOf(String entry, String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
