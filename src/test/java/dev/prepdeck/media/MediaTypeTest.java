package dev.prepdeck.media;

import static dev.prepdeck.media.MediaSamples.ascii;
import static dev.prepdeck.media.MediaSamples.concat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypeTest {
    @Test
    void every_allowed_format_is_recognised_by_its_first_bytes() {
        assertThat(MediaType.sniff(MediaSamples.png())).contains(MediaType.PNG);
        assertThat(MediaType.sniff(MediaSamples.jpeg())).contains(MediaType.JPEG);
        assertThat(MediaType.sniff(MediaSamples.gif())).contains(MediaType.GIF);
        assertThat(MediaType.sniff(MediaSamples.webp())).contains(MediaType.WEBP);
        assertThat(MediaType.sniff(MediaSamples.svg())).contains(MediaType.SVG);
        assertThat(MediaType.sniff(MediaSamples.mp3())).contains(MediaType.MP3);
        assertThat(MediaType.sniff(MediaSamples.mp3WithId3Tag())).contains(MediaType.MP3);
        assertThat(MediaType.sniff(MediaSamples.oggOpus())).contains(MediaType.OGG);
        assertThat(MediaType.sniff(MediaSamples.oggVorbis())).contains(MediaType.OGG);
        assertThat(MediaType.sniff(MediaSamples.wav())).contains(MediaType.WAV);
        assertThat(MediaType.sniff(MediaSamples.m4a())).contains(MediaType.M4A);
        assertThat(MediaType.sniff(MediaSamples.aac())).contains(MediaType.AAC);
        assertThat(MediaType.sniff(MediaSamples.webm())).contains(MediaType.WEBM);
    }

    @Test
    void text_html_scripts_programs_and_video_are_none_of_them() {
        assertThat(MediaType.sniff(ascii("just some notes\n"))).isEmpty();
        assertThat(MediaType.sniff(ascii("<html><body><img src=x onerror=alert(1)></body></html>"))).isEmpty();
        assertThat(MediaType.sniff(ascii("<script>alert(1)</script>"))).isEmpty();
        assertThat(MediaType.sniff(concat(ascii("MZ"), new byte[64]))).as("a Windows program").isEmpty();
        assertThat(MediaType.sniff(concat(new byte[] {0x7F}, ascii("ELF"), new byte[60]))).isEmpty();
        assertThat(MediaType.sniff(ascii("%PDF-1.7\n"))).isEmpty();
        assertThat(MediaType.sniff(MediaSamples.oggTheora())).as("Ogg video").isEmpty();
        assertThat(MediaType.sniff(MediaSamples.mp4Video())).as("MP4 video").isEmpty();
        assertThat(MediaType.sniff(new byte[0])).isEmpty();
        assertThat(MediaType.sniff(new byte[] {(byte) 0x89, 'P', 'N'})).as("a cut-off PNG signature").isEmpty();
    }

    @Test
    void an_svg_is_xml_whose_root_is_svg_and_an_entity_defining_doctype_is_refused() {
        assertThat(MediaType.sniff(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).contains(MediaType.SVG);
        assertThat(MediaType.sniff(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ascii("\n  <!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\">\n<svg>")))).contains(MediaType.SVG);
        assertThat(MediaType.sniff(ascii("<!DOCTYPE svg [<!ENTITY lol \"lol\">]><svg>&lol;</svg>"))).isEmpty();
        assertThat(MediaType.sniff(ascii("<svgx/>"))).isEmpty();
        assertThat(MediaType.sniff(ascii("<?xml version=\"1.0\"?><html/>"))).isEmpty();
        assertThat(MediaType.sniff(ascii("<!-- never closed <svg/>"))).isEmpty();
    }

    @Test
    void an_extension_fits_every_type_of_its_kind_so_a_png_named_jpg_is_still_an_image() {
        assertThat(MediaType.PNG.fitsExtension("jpg")).isTrue();
        assertThat(MediaType.JPEG.fitsExtension("PNG")).isTrue();
        assertThat(MediaType.MP3.fitsExtension("ogg")).isTrue();
        assertThat(MediaType.PNG.fitsExtension("mp3")).isFalse();
        assertThat(MediaType.PNG.fitsExtension("svg")).as("a drawing is not a raster image").isFalse();
        assertThat(MediaType.SVG.fitsExtension("png")).isFalse();
        assertThat(MediaType.SVG.fitsExtension("svg")).isTrue();
        assertThat(MediaType.PNG.fitsExtension("html")).isFalse();
    }
}
