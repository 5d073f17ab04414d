"""A resident reports through the web form; staff log in and acknowledge it."""

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.browser


def click_and_wait(browser, by: str, selector: str) -> None:
    """Click and wait until the next page has loaded.

    A click returns before navigation, and Chromium may swap the document while the
    element is being looked up, so the page is marked with a flag that only a new
    document lacks, and a click that lost its element is tried again.
    """
    browser.execute_script("window.hotlineOldPage = true")
    wait = WebDriverWait(browser, 15, ignored_exceptions=(StaleElementReferenceException,))
    for attempt in range(3):
        try:
            wait.until(expected_conditions.element_to_be_clickable((by, selector))).click()
            break
        except WebDriverException:
            # Clicking again on a page that has already changed would press the wrong button.
            if attempt == 2 or not _on_old_page(browser):
                break
    wait.until(_new_page_loaded)


def _on_old_page(browser) -> bool:
    try:
        return bool(browser.execute_script("return window.hotlineOldPage === true"))
    except WebDriverException:  # the document is being replaced
        return False


def _new_page_loaded(browser) -> bool:
    try:
        return bool(browser.execute_script(
            "return window.hotlineOldPage === undefined && document.readyState === 'complete'"))
    except WebDriverException:
        return False


def test_resident_reports_and_staff_acknowledge(live_server, browser):
    browser.get(f"{live_server}/report")
    browser.find_element(By.NAME, "body").send_keys("Lots of used needles in the bin store")
    browser.find_element(By.NAME, "place").send_keys("Stockwell Park estate")
    click_and_wait(browser, By.CSS_SELECTOR, "input[type=submit]")
    reference = browser.find_element(By.CSS_SELECTOR, ".reference").text
    assert reference.startswith("BX-")

    browser.get(f"{live_server}/staff/login")
    browser.find_element(By.NAME, "email").send_keys("council@demo.hotline.invalid")
    browser.find_element(By.NAME, "password").send_keys(STAFF_PASSWORD)
    click_and_wait(browser, By.CSS_SELECTOR, "button[type=submit]")
    click_and_wait(browser, By.LINK_TEXT, reference)
    browser.find_element(By.NAME, "status-note").send_keys("Street team booked for today")
    click_and_wait(browser, By.CSS_SELECTOR, "form[action$='/status'] button")
    assert browser.find_element(By.CSS_SELECTOR, ".status").text == "acknowledged"
    assert "Street team booked for today" in browser.find_element(By.CSS_SELECTOR, ".history").text


def test_urdu_page_renders_right_to_left(live_server, browser):
    browser.get(f"{live_server}/report?lang=ur")
    assert browser.execute_script("return document.documentElement.dir") == "rtl"
    direction = browser.execute_script(
        "return getComputedStyle(document.querySelector('main')).direction")
    assert direction == "rtl"
