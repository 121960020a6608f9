package dev.prepdeck.notes;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether a section title already asks a question, and how to ask about a topic that does not. */
final class QuestionRules {
    private static final Set<String> ENGLISH_OPENERS = Set.of("describe", "what", "what's", "whats", "how", "why",
            "when", "which", "who", "where", "explain", "compare", "contrast", "define", "tell", "walk", "give",
            "can", "could", "should", "would", "does", "did");
    private static final List<String> ENGLISH_CUES = List.of("difference between", "differences between", " vs ",
            " vs. ", " versus ");
    private static final List<String> CHINESE_CUES = List.of("什么", "怎么", "如何", "为什么", "为何", "区别", "优缺点",
            "优点", "缺点", "哪些", "哪个", "吗", "是否", "多少", "对比", "比较", "介绍一下", "谈谈", "说说", "描述", "简述");
    private static final Pattern TOPIC_OF_QUESTION = Pattern.compile(
            "^(?i)(?:what|which)\\s+(?:is|are)\\s+(?:the\\s+)?|^(?i)(?:describe|explain|list|name|tell me about|walk me through|talk about)\\s+(?:the\\s+)?");
    private static final Pattern RESOURCE_TITLE = Pattern.compile(
            "(?i).*(资料|参考|链接|阅读|教程|resources?|links?|references?|further reading|reading list|bibliography).*");

    private QuestionRules() {
    }

    static boolean isQuestion(String title) {
        String text = NotesText.plain(title).strip();
        if (text.isEmpty()) {
            return false;
        }
        if (text.endsWith("?") || text.endsWith("？") || text.endsWith(".") || text.endsWith("。")) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String first = lower.split("[\\s,，:：]+")[0];
        if (ENGLISH_OPENERS.contains(first) || ENGLISH_CUES.stream().anyMatch(lower::contains)) {
            return true;
        }
        return CHINESE_CUES.stream().anyMatch(text::contains);
    }

    /** The title as the card's question: capitalised, and "what is X." asked with a question mark. */
    static String asQuestion(String title) {
        String question = NotesText.hasHan(title) ? title.strip() : capitalise(title.strip());
        String first = question.toLowerCase(Locale.ROOT).split("[\\s,，:：]+")[0];
        if (question.endsWith(".") && !question.endsWith("..") && ENGLISH_OPENERS.contains(first)
                && !first.equals("describe") && !first.equals("explain")) {
            question = question.substring(0, question.length() - 1) + "?";
        }
        return question;
    }

    static boolean chinese(String... texts) {
        for (String text : texts) {
            if (text != null && NotesText.hasHan(text)) {
                return true;
            }
        }
        return false;
    }

    static boolean isResourceTitle(String title) {
        return RESOURCE_TITLE.matcher(title).matches();
    }

    /** "what is the end to end ML life cycle." → "End to end ML life cycle". */
    static String topicOf(String question) {
        String topic = TOPIC_OF_QUESTION.matcher(question.strip()).replaceFirst("")
                .replaceAll("[?？.。!！]+$", "").strip();
        return capitalise(topic.isEmpty() ? question : topic);
    }

    static String capitalise(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The question an interviewer would ask about a topic heading: "What is X?" for a concept, and for
     * headings that name something else (commands, syntax, a workflow, an outcome) the question that heading
     * invites. {@code code} is the language of the section's main code when the section is mostly code.
     */
    static String topicQuestion(String title, String code, boolean chinese) {
        String topic = cleanTitle(title);
        return chinese ? spaced(chineseTopic(topic, code)) : englishTopic(topic, code, false);
    }

    /** A question for a part of a longer answer, opened by a pseudo-heading such as "Outcome" or "Stack". */
    static String partQuestion(String heading, boolean chinese) {
        String topic = cleanTitle(heading);
        return chinese ? spaced(chineseTopic(topic, null)) : englishTopic(topic, null, true);
    }

    /** For a section that is a list of a command's options. */
    static String optionsQuestion(String title, boolean chinese) {
        String topic = cleanTitle(title);
        return chinese ? spaced(topic + "有哪些常用参数？") : "What are the main options of " + topic + "?";
    }

    /** For a section that is one long command: what it does and what its options mean. */
    static String commandQuestion(String title, String command, boolean chinese) {
        String topic = cleanTitle(title);
        if (chinese) {
            return "`" + command + "` 命令（" + topic + "）做什么？主要参数是什么意思？";
        }
        return "What does the `" + command + "` command for " + lowerFirst(topic) + " do, and what do its main options mean?";
    }

    private static final Pattern FILLER = Pattern.compile(
            "^(?:再|重新)?(?:解释|说明|介绍|讲|说|补充|聊|谈)(?:一下|下)?|^关于|^(?i:(?:a\\s+)?(?:note|notes|more)\\s+(?:on|about)\\s+|about\\s+)");
    private static final Pattern SUFFIX = Pattern.compile(
            "\\s*(?:解读|详解|总结|笔记|整理|小结|简介|概述|入门|(?i:overview|notes|summary|walkthrough|basics|introduction|intro))$");

    static String cleanTitle(String title) {
        String plain = NotesText.plain(title).strip().replaceAll("[:：]$", "").strip();
        String cleaned = SUFFIX.matcher(FILLER.matcher(plain).replaceFirst("").strip()).replaceFirst("").strip();
        return NotesText.displayWidth(cleaned) < 6 && !cleaned.matches("[A-Za-z].*") || cleaned.isEmpty() ? plain : cleaned;
    }

    /** "经典解读", "Worked example": a heading that names a walkthrough of its parent topic, not a concept. */
    private static final Pattern WALKTHROUGH = Pattern.compile(
            "(?i)(?:经典|典型)?(?:解读|详解|示例|例子|案例|实例|实战|演示)|(?:worked |an? )?(?:examples?|walkthrough|case study|demo)");

    static boolean isWalkthrough(String title) {
        return WALKTHROUGH.matcher(NotesText.plain(title).strip()).matches();
    }

    static String walkthroughQuestion(String context, boolean chinese) {
        return chinese ? spaced("用一个例子讲解" + context + "。") : "Walk me through an example of " + context + ".";
    }

    private static String chineseTopic(String topic, String code) {
        String t = spaced(topic);
        if (topic.matches("^(常见|常用|主要|典型)的?.+")) {
            return t + "有哪些？";
        }
        if (topic.matches(".*([两二三四五六七八九十几多\\d]+ ?(种|个|类|点|步|部分|方面)).*")) {
            return t + "分别是什么？";
        }
        if (topic.matches(".*(命令|指令)$")) {
            return t + "有哪些？各自做什么？";
        }
        if (topic.endsWith("语法")) {
            String base = topic.substring(0, topic.length() - 2).strip();
            return (base.isEmpty() ? "" : spaced(base) + "的") + "基本语法是什么？";
        }
        if (topic.matches(".*(流程|过程|步骤|格式|结构|架构)$")) {
            return t + "是怎样的？";
        }
        if (topic.matches(".*(方法|方式|类型|种类|分类|特点|原则|场景|应用|技巧|区别|优缺点|问题|资料|工具)$")) {
            return t + "有哪些？";
        }
        if (topic.matches(".*(原理|机制|作用|目的|意义|定义|思路|结果|收获)$")) {
            return t + "是什么？";
        }
        if (code != null) {
            return isShell(code) ? t + "用哪些命令？" : t + "怎么写？";
        }
        return "什么是" + t + "？";
    }

    private static String englishTopic(String topic, String code, boolean part) {
        String lower = topic.toLowerCase(Locale.ROOT);
        if (lower.matches("(common|typical|main|frequent) .+")) {
            return "What are the " + lower + "?";
        }
        if (lower.matches(".*\\bcommands?$")) {
            return "What are the main " + lowerFirst(topic) + ", and what does each do?";
        }
        if (lower.endsWith(" syntax")) {
            return "What is the syntax of " + topic.substring(0, topic.length() - 7).strip() + "?";
        }
        if (lower.matches(".*\\b(workflow|process|pipeline|life ?cycle|flow|steps|procedure|architecture)$")) {
            return "What does the " + lowerFirst(topic) + " look like?";
        }
        if (lower.matches("(outcome|result|results|impact|lessons learned|lessons|takeaways?)")) {
            return "What " + (lower.endsWith("s") ? "were" : "was") + " the " + lower + "?";
        }
        if (code != null && !part) {
            return isShell(code) ? "Which commands do you use for " + lowerFirst(topic) + "?"
                    : "How do you write " + lowerFirst(topic) + " in code?";
        }
        if (part) {
            return "What " + (plural(lower) ? "are" : "is") + " the " + lowerFirst(topic) + "?";
        }
        return plural(lower) ? "What are " + lowerFirst(topic) + "?" : "What is " + topic + "?";
    }

    private static boolean isShell(String language) {
        return language.matches("(?i)bash|sh|shell|console|zsh|powershell|cmd|bat");
    }

    private static boolean plural(String lower) {
        return lower.matches(".*[a-z]s$") && !lower.matches(".*(ss|us|is|ics)$") || lower.contains(" and ");
    }

    /**
     * Lower-cases the leading capital of ordinary words ("Tools and Technologies Used" → "tools and technologies
     * used"), never of an acronym or a name with inner capitals; only the first word unless the text is in
     * title case.
     */
    private static String lowerFirst(String text) {
        String[] words = text.split(" ");
        boolean titleCase = words.length > 1 && java.util.Arrays.stream(words)
                .filter(w -> w.length() > 3).allMatch(w -> Character.isUpperCase(w.charAt(0)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean ordinary = word.length() > 1 && Character.isUpperCase(word.charAt(0))
                    && word.substring(1).chars().noneMatch(Character::isUpperCase) && word.chars().allMatch(Character::isLetter);
            out.append(i == 0 ? "" : " ").append(ordinary && (i == 0 || titleCase)
                    ? Character.toLowerCase(word.charAt(0)) + word.substring(1) : word);
        }
        return out.toString();
    }

    /** Latin words next to Chinese get a space, as careful Chinese writing does ("Git 分支", "SQL 语法"). */
    private static String spaced(String text) {
        return text.replaceAll("(?<=[A-Za-z0-9])(?=\\p{IsHan})|(?<=\\p{IsHan})(?=[A-Za-z0-9])", " ");
    }

    static String resourceQuestion(String about, boolean chinese) {
        return chinese ? about + "有哪些学习资料？" : "What resources are there for " + about + "?";
    }

    static String orderQuestion(String topic, int count, boolean numbered, boolean chinese) {
        if (chinese) {
            return topic + (numbered ? "依次有哪" + count + "个步骤？" : "包括哪" + count + "项？");
        }
        return "What are the " + count + (numbered ? " steps of " : " parts of ") + topic + ", in order?";
    }

    /** "What are the objective and activities of Data Collection?": the topic is in the deck's name. */
    static String itemQuestion(String item, List<String> fields, boolean chinese) {
        if (chinese) {
            return "「" + item + "」的" + String.join("和", fields) + "是什么？";
        }
        List<String> lower = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        String joined = lower.size() == 1 ? lower.get(0)
                : String.join(", ", lower.subList(0, lower.size() - 1)) + " and " + lower.get(lower.size() - 1);
        return "What " + (lower.size() == 1 && !lower.get(0).endsWith("s") ? "is" : "are") + " the "
                + joined + " of " + item + "?";
    }
}
