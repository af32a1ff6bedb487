"""The LibreOffice Basic macro that converts a batch, and how it is installed in a profile.

Why a Basic macro: ``soffice --convert-to`` never updates indexes, so a table of contents
stays as the .docx left it. The macro loads each document hidden, updates every field
and index (twice: filling the contents can move the headings it lists), then exports the
PDF. Basic ships with every LibreOffice on Windows, macOS and Linux, where Python-UNO does
not (Debian packages it apart as python3-uno; Windows and macOS bundle their own Python,
which is not ours). It runs from the profile's own Standard library, so it needs no
macro-security setting.

The job is a text file in the profile (``user/syllabus-job.txt``): one ``file:`` URL of a
.docx a line, all ASCII (``Path.as_uri`` percent-encodes). Passing paths as macro
arguments would not survive: LibreOffice URL-decodes the macro call and splits it at
commas. For ``N.docx`` the macro writes ``N.start``, then ``N.pdf`` and ``N.done``, or ``N.err``
holding the reason, so the caller can follow progress and tell which file a crash or hang was on.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

MACRO_URL = "macro:///Standard.Syllabus.Convert"
SERVE_URL = "macro:///Standard.Syllabus.Serve"  # preview/office.py: one LibreOffice per session
SERVE_DIR = "syllabus-serve"
JOB_NAME = "syllabus-job.txt"

BASIC = """\
REM Written by syllabus (render/pdf/macro.py); rewritten on every run.
Option Explicit

Sub Convert
	Dim aUrls() As String, nCount As Integer, i As Integer
	On Error GoTo Done
	aUrls = ReadJob(nCount)
	For i = 0 To nCount - 1
		ConvertOne(aUrls(i))
	Next i
Done:
	On Error Resume Next
	StarDesktop.terminate()
End Sub

Function ReadJob(nCount As Integer) As Variant
	ReadJob = ReadList(CreateUnoService("com.sun.star.util.PathSubstitution").substituteVariables("$(user)", True) & "/syllabus-job.txt", nCount)
End Function

Sub ConvertOne(sUrl As String)
	Dim oDoc As Object, sBase As String, sMessage As String
	sBase = Left(sUrl, Len(sUrl) - 5)
	On Error GoTo Failed
	Mark(sBase & ".start", "")
	Dim aLoad(1) As New com.sun.star.beans.PropertyValue
	aLoad(0).Name = "Hidden" : aLoad(0).Value = True
	aLoad(1).Name = "FilterName" : aLoad(1).Value = "MS Word 2007 XML"
	oDoc = StarDesktop.loadComponentFromURL(sUrl, "_blank", 0, aLoad())
	If IsNull(oDoc) Then
		Mark(sBase & ".err", "not a Word document that LibreOffice can open")
		Exit Sub
	End If
	UpdateAll(oDoc)
	UpdateAll(oDoc)
	Dim aStore(0) As New com.sun.star.beans.PropertyValue
	aStore(0).Name = "FilterName" : aStore(0).Value = "writer_pdf_Export"
	oDoc.storeToURL(sBase & ".pdf", aStore())
	oDoc.close(True)
	Mark(sBase & ".done", "")
	Exit Sub
Failed:
	sMessage = Error$
	On Error Resume Next
	Mark(sBase & ".err", sMessage)
	If Not IsNull(oDoc) Then oDoc.close(True)
End Sub

Sub UpdateAll(oDoc As Object)
	Dim oIndexes As Object, i As Integer
	oDoc.getTextFields().refresh()
	If HasUnoInterfaces(oDoc, "com.sun.star.text.XDocumentIndexesSupplier") Then
		oIndexes = oDoc.getDocumentIndexes()
		For i = 0 To oIndexes.getCount() - 1
			oIndexes.getByIndex(i).update()
		Next i
	End If
End Sub

REM A LibreOffice kept running by a long session (the preview, preview/office.py):
REM it converts each job.txt that appears in $(user)/syllabus-serve until a file named
REM stop appears there. The caller writes job.txt whole (a rename), and follows the
REM same N.start / N.done / N.err marks as a batch.
Sub Serve
	Dim sDir As String, aUrls() As String, nCount As Integer, i As Integer
	sDir = CreateUnoService("com.sun.star.util.PathSubstitution").substituteVariables("$(user)", True) & "/syllabus-serve"
	Do While Not FileExists(sDir & "/stop")
		If FileExists(sDir & "/job.txt") Then
			aUrls = ReadList(sDir & "/job.txt", nCount)
			Kill sDir & "/job.txt"
			For i = 0 To nCount - 1
				ConvertOne(aUrls(i))
			Next i
		Else
			Wait 20
		End If
	Loop
	On Error Resume Next
	StarDesktop.terminate()
End Sub

Function ReadList(sJob As String, nCount As Integer) As Variant
	Dim n As Integer, sLine As String, aUrls(0) As String
	nCount = 0
	n = FreeFile
	Open sJob For Input As #n
	Do While Not EOF(n)
		Line Input #n, sLine
		If Len(sLine) > 0 Then
			ReDim Preserve aUrls(nCount) As String
			aUrls(nCount) = sLine
			nCount = nCount + 1
		End If
	Loop
	Close #n
	ReadList = aUrls
End Function

Sub Mark(sUrl As String, sText As String)
	Dim oText As Object
	oText = CreateUnoService("com.sun.star.io.TextOutputStream")
	oText.setOutputStream(CreateUnoService("com.sun.star.ucb.SimpleFileAccess").openFileWrite(sUrl))
	oText.setEncoding("UTF-8")
	oText.writeString(sText)
	oText.closeOutput()
End Sub
"""

_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LIBRARIES = (
    _XML
    + '<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">\n'
    '<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
    ' <library:library library:name="Standard" library:link="false"/>\n'
    "</library:libraries>\n"
)
_LIBRARY_HEAD = (
    _XML
    + '<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n'
    '<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard"'
    ' library:readonly="false" library:passwordprotected="false"'
)
_SCRIPTS = _LIBRARY_HEAD + '>\n <library:element library:name="Syllabus"/>\n</library:library>\n'
_DIALOGS = _LIBRARY_HEAD + "/>\n"
_MODULE = (
    _XML
    + '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Syllabus"'
    ' script:language="StarBasic">' + escape(BASIC) + "</script:module>\n"
)


def install(profile: Path) -> None:
    """Make the macro the profile's Standard library (only files that differ are written:
    LibreOffice's first start copies its presets over them, so this runs after it)."""
    basic = profile / "user" / "basic"
    files = {
        basic / "script.xlc": _LIBRARIES,
        basic / "dialog.xlc": _LIBRARIES,
        basic / "Standard" / "script.xlb": _SCRIPTS,
        basic / "Standard" / "dialog.xlb": _DIALOGS,
        basic / "Standard" / "Syllabus.xba": _MODULE,
    }
    for path, text in files.items():
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def write_job(profile: Path, docxs: list[Path]) -> None:
    (profile / "user" / JOB_NAME).write_text(
        "".join(f"{docx.resolve().as_uri()}\n" for docx in docxs), encoding="ascii"
    )
